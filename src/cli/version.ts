/** The package version, read from package.json next to the build, for `--version`. */
import { readFileSync } from 'node:fs';

export function version(): string {
  for (const relative of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'frontdesk' && pkg.version) return pkg.version;
    } catch {
      // try the next location: the layout differs between the build and the sources
    }
  }
  return 'unknown';
}
