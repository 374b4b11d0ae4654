/** One-thing bundles (一件事): resolve their members, compose them into one definition, and compute the saving. */
export { compose, type Composition } from './compose.ts';
export { resolveMembers, compareVersions } from './resolve.ts';
export { bundleSaving, type BundleSaving, type BundleBurden } from './saving.ts';
export { bundleRole, addressedEvent } from './process.ts';
export { composeBundles, withComposedBundles, type ComposedBundle } from './catalogue.ts';
