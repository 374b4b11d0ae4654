/** Stylesheets imported for their side effect: Vite bundles them with the designer's own. */
declare module '*.css';
