<?php
/**
 * Plugin Name:       Relais
 * Description:       Les widgets Relais dans vos pages : agenda des actions, inscriptions, adhésion, recherche de section, fil d'activité, compteurs. Shortcodes [relais_…] et balises <relais-…> autorisées dans l'éditeur.
 * Version:           0.1.0
 * Requires at least: 6.5
 * Requires PHP:      7.4
 * Text Domain:       relais
 *
 * WordPress removes the tags it does not know from what authors write (kses) and the classic editor
 * drops them too: this plugin lists the Relais tags and their attributes as allowed, offers a
 * shortcode per widget, and loads the widgets' loader as a JavaScript module.
 */

if (!defined('ABSPATH')) {
	exit;
}

const RELAIS_OPTION = 'relais_settings';

/**
 * Every Relais tag with the attributes it takes (docs/widgets.md). The shortcodes and the kses
 * allowlist are made from it.
 */
function relais_tags(): array {
	$common = array('api', 'key', 'lang', 'theme', 'class', 'id');
	return array(
		'relais-config'        => array('api', 'key', 'group', 'lang'),
		'relais-event-list'    => array_merge($common, array('group', 'include-subgroups', 'kind', 'tag', 'near', 'radius-km', 'limit', 'rsvp', 'event-url', 'show-filters')),
		'relais-event'         => array_merge($common, array('initiative', 'compact')),
		'relais-signup-form'   => array_merge($common, array('group', 'postcode', 'purpose-news', 'source', 'heading', 'success-message')),
		'relais-group-finder'  => array_merge($common, array('postcode', 'radius-km', 'limit', 'join-url')),
		'relais-activity-feed' => array_merge($common, array('group', 'limit', 'kinds')),
		'relais-counter'       => array_merge($common, array('group', 'initiative', 'metric', 'label', 'refresh')),
	);
}

/** Attributes holding an address: escaped as URLs, not as plain text. */
const RELAIS_URL_ATTRIBUTES = array('api', 'event-url', 'join-url', 'source');

/** Attributes that are on or off: `[relais_event_list show-filters]` sets them. */
const RELAIS_FLAG_ATTRIBUTES = array('show-filters', 'compact');

function relais_settings(): array {
	$saved = get_option(RELAIS_OPTION, array());
	return wp_parse_args(is_array($saved) ? $saved : array(), array('api_url' => '', 'key' => '', 'group' => ''));
}

/* ---------------------------------------------------------------- the loader */

function relais_loader_url(): string {
	$api = relais_settings()['api_url'];
	return $api === '' ? '' : untrailingslashit($api) . '/widgets/v1/relais.js';
}

/** The loader is a module (under 1 KB): each widget's code loads only when its tag is on the page. */
function relais_enqueue_loader(): void {
	$url = relais_loader_url();
	if ($url === '') {
		return;
	}
	if (function_exists('wp_enqueue_script_module')) {
		wp_enqueue_script_module('relais', $url, array(), null);
		return;
	}
	// WordPress before 6.5: a classic script, turned into a module by the filter below.
	wp_enqueue_script('relais', $url, array(), null, array('in_footer' => true));
}

add_filter('script_loader_tag', function ($tag, $handle) {
	if ($handle !== 'relais') {
		return $tag;
	}
	$tag = preg_replace('/\stype=(["\'])[^"\']*\1/', '', $tag);
	return str_replace('<script ', '<script type="module" ', $tag);
}, 10, 2);

// Pages whose content holds a Relais tag or shortcode; shortcodes elsewhere (widget areas) enqueue it themselves.
add_action('wp_enqueue_scripts', function () {
	$post = get_post();
	if (is_singular() && $post && (strpos($post->post_content, '<relais-') !== false || strpos($post->post_content, '[relais_') !== false)) {
		relais_enqueue_loader();
	}
});

/* ---------------------------------------------------------------- shortcodes */

/**
 * `[relais_event_list group="grp_…" limit="5" show-filters]<a href="/agenda">Notre agenda</a>[/relais_event_list]`
 * → `<relais-event-list key="pk_…" group="grp_…" limit="5" show-filters><a href="/agenda">…</a></relais-event-list>`.
 * The content is the link shown without JavaScript. The key (and the group) come from the settings
 * unless given.
 */
function relais_render_tag(string $tag, $atts, ?string $content): string {
	relais_enqueue_loader();
	$allowed    = relais_tags()[$tag];
	$settings   = relais_settings();
	$attributes = array();
	foreach ((array) $atts as $name => $value) {
		// `[relais_event_list show-filters]`: a flag without value comes as a numbered entry.
		if (is_int($name)) {
			$name  = (string) $value;
			$value = '';
		}
		$name = str_replace('_', '-', strtolower((string) $name));
		if (!in_array($name, $allowed, true)) {
			continue;
		}
		if (in_array($name, RELAIS_FLAG_ATTRIBUTES, true) && in_array(strtolower((string) $value), array('0', 'false', 'no'), true)) {
			continue;
		}
		$attributes[$name] = (string) $value;
	}
	if ($settings['key'] !== '' && in_array('key', $allowed, true) && !isset($attributes['key'])) {
		$attributes = array('key' => $settings['key']) + $attributes;
	}
	if ($settings['group'] !== '' && in_array('group', $allowed, true) && !isset($attributes['group'])) {
		$attributes['group'] = $settings['group'];
	}
	$html = '<' . $tag;
	foreach ($attributes as $name => $value) {
		if (in_array($name, RELAIS_FLAG_ATTRIBUTES, true)) {
			$html .= ' ' . $name;
			continue;
		}
		$escaped = in_array($name, RELAIS_URL_ATTRIBUTES, true) ? esc_url($value) : esc_attr($value);
		if ($escaped === '' && $value !== '') {
			continue; // an address esc_url refused, such as javascript:
		}
		$html .= ' ' . $name . '="' . $escaped . '"';
	}
	$inner = $content === null ? '' : wp_kses_post(do_shortcode($content));
	return $html . '>' . $inner . '</' . $tag . '>';
}

add_action('init', function () {
	foreach (array_keys(relais_tags()) as $tag) {
		$shortcode = str_replace('-', '_', $tag);
		add_shortcode($shortcode, function ($atts, $content = null) use ($tag) {
			return relais_render_tag($tag, $atts, $content);
		});
	}
});

/* ------------------------------------------------- tags written by authors */

// kses keeps only known tags and attributes in what authors save: the Relais tags become known.
add_filter('wp_kses_allowed_html', function ($allowed, $context) {
	if ($context !== 'post') {
		return $allowed;
	}
	foreach (relais_tags() as $tag => $attributes) {
		$allowed[$tag] = array_fill_keys($attributes, true);
	}
	return $allowed;
}, 10, 2);

// The classic editor (TinyMCE) drops unknown elements on its own, before kses.
add_filter('tiny_mce_before_init', function ($init) {
	$elements = array();
	foreach (relais_tags() as $tag => $attributes) {
		$elements[] = $tag . '[' . implode('|', $attributes) . ']';
	}
	// Block elements (no `~`): the editor must not wrap them in paragraphs.
	$custom                          = implode(',', array_keys(relais_tags()));
	$init['custom_elements']         = trim(($init['custom_elements'] ?? '') . ',' . $custom, ',');
	$init['extended_valid_elements'] = trim(($init['extended_valid_elements'] ?? '') . ',' . implode(',', $elements), ',');
	return $init;
});

/* ---------------------------------------------------------------- settings */

function relais_sanitize_settings($input): array {
	$input = is_array($input) ? $input : array();
	$clean = relais_settings();
	$api   = esc_url_raw(trim((string) ($input['api_url'] ?? '')), array('https', 'http'));
	$clean['api_url'] = untrailingslashit($api);
	$key = trim((string) ($input['key'] ?? ''));
	if ($key !== '' && !preg_match('/^pk_[a-z]+_[a-z0-9]+$/', $key)) {
		// A secret key (sk_…) in a page would give everyone every right on the organization's data.
		add_settings_error(RELAIS_OPTION, 'relais_key', __('La clé doit être une clé publiable (pk_…), jamais une clé secrète.', 'relais'));
	} else {
		$clean['key'] = $key;
	}
	$group = trim((string) ($input['group'] ?? ''));
	if ($group !== '' && !preg_match('/^grp_[a-z0-9]+$/', $group)) {
		add_settings_error(RELAIS_OPTION, 'relais_group', __('Le groupe est un identifiant grp_…', 'relais'));
	} else {
		$clean['group'] = $group;
	}
	return $clean;
}

add_action('admin_init', function () {
	register_setting('relais', RELAIS_OPTION, array('type' => 'array', 'sanitize_callback' => 'relais_sanitize_settings'));
	add_settings_section('relais_main', '', '__return_false', 'relais');
	$fields = array(
		'api_url' => array(__('Adresse du serveur Relais', 'relais'), 'https://relais.mon-parti.fr', 'url'),
		'key'     => array(__('Clé publiable', 'relais'), 'pk_live_…', 'text'),
		'group'   => array(__('Groupe par défaut (facultatif)', 'relais'), 'grp_…', 'text'),
	);
	foreach ($fields as $name => $field) {
		add_settings_field('relais_' . $name, $field[0], function () use ($name, $field) {
			printf(
				'<input type="%s" class="regular-text code" id="relais_%s" name="%s[%s]" value="%s" placeholder="%s">',
				esc_attr($field[2]),
				esc_attr($name),
				esc_attr(RELAIS_OPTION),
				esc_attr($name),
				esc_attr(relais_settings()[$name]),
				esc_attr($field[1])
			);
		}, 'relais', 'relais_main', array('label_for' => 'relais_' . $name));
	}
});

add_action('admin_menu', function () {
	add_options_page('Relais', 'Relais', 'manage_options', 'relais', function () {
		echo '<div class="wrap"><h1>Relais</h1>';
		echo '<p>' . esc_html__("La clé publiable doit autoriser l'adresse de ce site (relais keys create --publishable --origin …).", 'relais') . '</p>';
		echo '<form method="post" action="options.php">';
		settings_fields('relais');
		do_settings_sections('relais');
		submit_button();
		echo '</form></div>';
	});
});
