import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'

// The HTTP floor: node:http answering the list's JSON body from memory, nothing else. Run as its
// own process, like the API, so both share the machine with the load generator the same way.
const [bodyFile, port] = process.argv.slice(2)
const body = readFileSync(bodyFile ?? '', 'utf8')
const length = Buffer.byteLength(body)
createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': length })
  response.end(body)
}).listen(Number(port), '127.0.0.1', () => process.stdout.write('listening\n'))
