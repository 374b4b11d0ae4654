/**
 * Orders definition versions by their numbers: `1.2.0` < `1.10.0`, a pre-release before its release. The engine's
 * ordering (it resolves a bundle's unpinned members by it), so the store and the engine never disagree on "newest".
 */
export { compareVersions } from '../../engine/bundles/resolve.ts';
