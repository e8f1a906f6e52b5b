import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// React and antd go into their own vendor chunks; every page is lazy-loaded per route (src/routes.tsx),
// so the first screen loads the login page only.
const nm = (names: string) => new RegExp(`[\\\\/]node_modules[\\\\/](${names})[\\\\/]`);

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000' } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1100,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react-vendor', test: nm('react|react-dom|scheduler|react-router|react-router-dom|@tanstack'), priority: 30 },
            { name: 'icons-vendor', test: nm('@ant-design[\\\\/]icons|@ant-design[\\\\/]icons-svg'), priority: 25 },
            // antd code used by many pages (config provider, css-in-js, form, button …) is shared;
            // a component only one or two pages use stays in those pages' chunks.
            {
              name: 'antd-vendor',
              test: nm('antd|@ant-design|@rc-component|rc-[^\\\\/]+|dayjs|@emotion|stylis|@babel'),
              priority: 20,
              minShareCount: 3,
            },
          ],
        },
      },
    },
  },
});
