import { nodeResolve } from '@rollup/plugin-node-resolve'
import terser from '@rollup/plugin-terser'
export default {
  input: process.env.IN,
  output: { file: '/tmp/exp/out.js', format: 'es' },
  plugins: [
    nodeResolve({ rootDir: '/work/main/packages/widgets' }),
    terser({ ecma: 2021, module: true, compress: { passes: 2 }, format: { comments: false } }),
  ],
}
