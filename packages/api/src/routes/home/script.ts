/**
 * The demo page's script, served as /home/demo.js (no inline script: the page keeps a strict
 * Content-Security-Policy). It calls the public API like any site would, with the publishable key
 * the page carries, and writes every value with textContent: data never becomes markup.
 */
export const script = `'use strict'
;(function () {
  var main = document.getElementById('contenu')
  var key = main.getAttribute('data-key')
  var status = document.getElementById('statut')
  var number = new Intl.NumberFormat('fr-FR')
  var kinds = { meeting: 'Réunion', canvassing: 'Porte-à-porte', leafleting: 'Tractage', phone_bank: 'Phoning',
    rally: 'Meeting', online: 'En ligne', other: 'Autre' }
  var failures = 0

  function api(path) {
    return fetch(path, { headers: { authorization: 'Bearer ' + key, accept: 'application/json' } }).then(function (res) {
      return res.json().catch(function () { return {} }).then(function (body) {
        if (!res.ok) throw new Error(body && body.detail ? body.detail : 'HTTP ' + res.status)
        return body
      })
    })
  }

  function element(tag, className, text) {
    var node = document.createElement(tag)
    if (className) node.className = className
    if (text !== undefined && text !== null) node.textContent = String(text)
    return node
  }

  function failed(list, what, error) {
    failures += 1
    list.replaceChildren(element('li', 'status error', 'Impossible de charger ' + what + ' : ' + error.message))
  }

  function when(initiative) {
    var start = new Date(initiative.starts_at)
    if (isNaN(start.getTime())) return ''
    return new Intl.DateTimeFormat('fr-FR', { timeZone: initiative.timezone || 'Europe/Paris', weekday: 'long',
      day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(start)
  }

  function spots(initiative) {
    var left = initiative.spots_left
    if (left === null || left === undefined) return 'Places illimitées'
    if (left <= 0) return initiative.waitlist_enabled === false ? 'Complet' : 'Complet, liste d’attente ouverte'
    return left === 1 ? '1 place restante' : number.format(left) + ' places restantes'
  }

  function commune(initiative) {
    var location = initiative.location || {}
    if (initiative.commune || location.commune) return initiative.commune || location.commune
    return initiative.kind === 'online' ? '' : 'Lieu à préciser'
  }

  function showInitiatives() {
    var list = document.getElementById('initiatives')
    return api('/v1/initiatives?limit=10').then(function (page) {
      if (!page.data || page.data.length === 0) {
        list.replaceChildren(element('li', 'status', 'Aucune initiative à venir.'))
        return
      }
      list.replaceChildren.apply(list, page.data.map(function (initiative) {
        var item = element('li')
        var date = element('time', null, when(initiative))
        date.setAttribute('datetime', initiative.starts_at)
        var line = element('p', 'when')
        line.append(date)
        var facts = element('p', 'facts')
        facts.append(element('span', 'tag', kinds[initiative.kind] || initiative.kind))
        if (commune(initiative)) facts.append(element('span', null, commune(initiative)))
        facts.append(element('span', null, spots(initiative)))
        if (initiative.group && initiative.group.name) facts.append(element('span', null, initiative.group.name))
        item.append(line, element('h3', null, initiative.title), facts)
        return item
      }))
    }).catch(function (error) { failed(list, 'les initiatives', error) })
  }

  function showCounts(national) {
    var list = document.getElementById('chiffres')
    var counts = national.counts || {}
    var shown = [['Adhérents actifs', counts.members], ['Groupes', counts.subgroups], ['Initiatives à venir', counts.upcoming_initiatives]]
    list.replaceChildren.apply(list, shown.filter(function (entry) { return typeof entry[1] === 'number' }).map(function (entry) {
      var box = element('div')
      box.append(element('dt', null, entry[0]), element('dd', null, number.format(entry[1])))
      return box
    }))
  }

  function showTree() {
    var counts = document.getElementById('chiffres')
    var list = document.getElementById('federations')
    var national = api('/v1/groups?kind=national&limit=1').then(function (page) {
      var root = page.data && page.data[0]
      if (!root) throw new Error('aucun groupe national')
      document.getElementById('organisation').textContent = root.name
      return api('/v1/groups/' + encodeURIComponent(root.id)).then(showCounts)
    }).catch(function (error) {
      failures += 1
      counts.replaceChildren(element('p', 'status error', 'Impossible de charger les chiffres : ' + error.message))
    })
    var federations = api('/v1/groups?kind=federation&limit=100').then(function (page) {
      return Promise.all((page.data || []).map(function (group) {
        return api('/v1/groups/' + encodeURIComponent(group.id)).catch(function () { return group })
      }))
    }).then(function (groups) {
      if (groups.length === 0) {
        list.replaceChildren(element('li', 'status', 'Aucune fédération.'))
        return
      }
      list.replaceChildren.apply(list, groups.map(function (group) {
        var item = element('li')
        item.append(element('h3', null, group.name))
        var facts = element('p', 'facts')
        if (group.department) facts.append(element('span', 'tag', 'Département ' + group.department))
        if (group.counts) {
          facts.append(element('span', null, number.format(group.counts.members) + ' adhérents'),
            element('span', null, number.format(group.counts.upcoming_initiatives) + ' initiatives à venir'))
        }
        item.append(facts)
        return item
      }))
    }).catch(function (error) { failed(list, 'les fédérations', error) })
    return Promise.all([national, federations])
  }

  Promise.all([showInitiatives(), showTree()]).then(function () {
    status.textContent = failures ? 'Certaines données n’ont pas pu être chargées.' : 'Données chargées depuis l’API.'
    main.removeAttribute('aria-busy')
  })
})()
`
