/** Every violation of .dependency-cruiser.cjs in `<project>/src/` (default: this project), as `rule: from → to`. */
export function importViolations(project?: string): string[]
