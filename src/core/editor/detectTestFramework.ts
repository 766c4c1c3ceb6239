/** What Add Tests needs to know about the project around a source file. */
export interface ProjectFacts {
  languageId: string;
  /** Workspace-relative path of the source file, with forward slashes. */
  sourcePath: string;
  /** Names of the files in the same folder. */
  siblings: readonly string[];
  /** Text of the nearest package.json (JavaScript/TypeScript), if any. */
  packageJson?: string;
  /** Text of pyproject.toml / setup.cfg / requirements*.txt (Python), joined, if any. */
  pythonConfig?: string;
}

export interface TestPlan {
  /** Framework name for the prompt, e.g. "mocha (with node:assert)". */
  framework: string;
  /** Workspace-relative path of the test file, next to the source. */
  testPath: string;
}

const JS_IDS = new Set(['typescript', 'typescriptreact', 'javascript', 'javascriptreact']);

/**
 * The project's test framework and the test file beside the source, following the names the
 * folder already uses (`.spec.` vs `.test.`). A source that is itself a test file is extended.
 */
export function planTests(f: ProjectFacts): TestPlan {
  const slash = f.sourcePath.lastIndexOf('/');
  const dir = slash >= 0 ? f.sourcePath.slice(0, slash + 1) : '';
  const name = f.sourcePath.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  if (JS_IDS.has(f.languageId)) {
    const framework = jsFramework(f.packageJson);
    if (/\.(test|spec)$/.test(stem)) return { framework, testPath: f.sourcePath };
    const spec = f.siblings.some((s) => /\.spec\.[cm]?[jt]sx?$/.test(s)) && !f.siblings.some((s) => /\.test\.[cm]?[jt]sx?$/.test(s));
    return { framework, testPath: `${dir}${stem}.${spec ? 'spec' : 'test'}${ext}` };
  }
  if (f.languageId === 'python') {
    const framework = /\bpytest\b/i.test(f.pythonConfig ?? '') || f.siblings.some((s) => s === 'conftest.py') ? 'pytest' : 'unittest';
    if (/^test_|_test$/.test(stem)) return { framework, testPath: f.sourcePath };
    return { framework, testPath: `${dir}test_${stem}.py` };
  }
  if (f.languageId === 'go') {
    if (stem.endsWith('_test')) return { framework: 'Go testing package', testPath: f.sourcePath };
    return { framework: 'Go testing package', testPath: `${dir}${stem}_test.go` };
  }
  if (f.languageId === 'java' || f.languageId === 'kotlin') {
    if (stem.endsWith('Test')) return { framework: 'JUnit 5', testPath: f.sourcePath };
    return { framework: 'JUnit 5', testPath: `${dir}${stem}Test${ext}` };
  }
  if (/\.test$/.test(stem)) return { framework: `the usual ${f.languageId} test framework`, testPath: f.sourcePath };
  return { framework: `the usual ${f.languageId} test framework`, testPath: `${dir}${stem}.test${ext}` };
}

/** From package.json dependencies: vitest, jest, mocha, ava, else Node's built-in runner. */
function jsFramework(packageJson: string | undefined): string {
  let deps: Record<string, unknown> = {};
  try {
    const p = JSON.parse(packageJson ?? '{}') as { dependencies?: Record<string, unknown>; devDependencies?: Record<string, unknown> };
    deps = { ...(p.dependencies ?? {}), ...(p.devDependencies ?? {}) };
  } catch {
    // An unreadable package.json says nothing about the framework.
  }
  if ('vitest' in deps) return 'vitest';
  if ('jest' in deps || 'ts-jest' in deps) return 'jest';
  if ('mocha' in deps) return 'mocha (describe/it with node:assert/strict)';
  if ('ava' in deps) return 'ava';
  return "Node's built-in test runner (node:test with node:assert/strict)";
}
