/** The part of web-ext's programmatic API the tests use (web-ext ships no types). */
declare module 'web-ext' {
  export interface LintMessage {
    _type: 'error' | 'warning' | 'notice';
    code: string;
    message: string;
    description?: string;
    file?: string;
    line?: number;
    column?: number;
  }

  export interface LintResult {
    count: number;
    summary: { errors: number; notices: number; warnings: number };
    errors: LintMessage[];
    warnings: LintMessage[];
    notices: LintMessage[];
  }

  export interface LintParams {
    sourceDir: string;
    /** 'none' keeps the linter quiet; the caller reads the returned result. */
    output?: 'text' | 'json' | 'none';
    artifactsDir?: string;
    ignoreFiles?: string[];
    boring?: boolean;
    metadata?: boolean;
    pretty?: boolean;
    privileged?: boolean;
    selfHosted?: boolean;
    warningsAsErrors?: boolean;
    verbose?: boolean;
  }

  const webExt: {
    cmd: {
      lint(params: LintParams, options?: { shouldExitProgram?: boolean }): Promise<LintResult>;
    };
  };
  export default webExt;
}
