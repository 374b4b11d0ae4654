/** The next version of a definition: semver's increments, from the version it had. */
export type VersionBump = 'major' | 'minor' | 'patch' | 'none';

/** How much a bump weighs, to keep the largest of several. */
export const bumpOrder: Readonly<Record<VersionBump, number>> = { none: 0, patch: 1, minor: 2, major: 3 };

const semver = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(?:-([0-9A-Za-z.-]+))?$/;

/**
 * `1.2.3` → `2.0.0` / `1.3.0` / `1.2.4` / `1.2.3`. A pre-release is released by the bump it already anticipates,
 * as semver does: `2.0.0-rc.1` → major `2.0.0`, `1.3.0-rc.1` → minor `1.3.0`, `1.2.4-rc.1` → patch `1.2.4`.
 * Throws a RangeError for a version that is not semver (a valid definition always has one).
 */
export function bumpVersion(version: string, bump: VersionBump): string {
  const m = semver.exec(version);
  if (!m) throw new RangeError(`${JSON.stringify(version)} is not a semantic version (major.minor.patch)`);
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const pre = m[4] !== undefined;
  if (bump === 'none') return version;
  if (bump === 'major') return pre && minor === 0 && patch === 0 ? `${major}.0.0` : `${major + 1}.0.0`;
  if (bump === 'minor') return pre && patch === 0 ? `${major}.${minor}.0` : `${major}.${minor + 1}.0`;
  return pre ? `${major}.${minor}.${patch}` : `${major}.${minor}.${patch + 1}`;
}
