// Stylesheets imported by a view are bundled by Vite (the page links them from its own origin: CSP style-src 'self').
declare module '*.css';
