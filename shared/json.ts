/**
 * Whether a parsed JSON value nests at most `maxDepth` levels of objects and arrays (a flat
 * object is 1). Walks with its own stack, never recursion, so a value nested thousands of levels
 * deep is measured without overflowing the call stack.
 */
export function nestingWithin(value: unknown, maxDepth: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null) continue;
    if (depth + 1 > maxDepth) return false;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return true;
}

/**
 * The first string in a parsed JSON value (keys included) that `accept` refuses, with its path
 * (`["metadata", "note"]`), or undefined. Iterative, like {@link nestingWithin}.
 */
export function findString(value: unknown, accept: (text: string) => boolean): Array<string | number> | undefined {
  const stack: Array<[unknown, Array<string | number>]> = [[value, []]];
  while (stack.length > 0) {
    const [current, path] = stack.pop() as [unknown, Array<string | number>];
    if (typeof current === 'string') {
      if (!accept(current)) return path;
    } else if (Array.isArray(current)) {
      current.forEach((child, index) => stack.push([child, [...path, index]]));
    } else if (typeof current === 'object' && current !== null) {
      for (const [key, child] of Object.entries(current)) {
        if (!accept(key)) return [...path, key];
        stack.push([child, [...path, key]]);
      }
    }
  }
  return undefined;
}
