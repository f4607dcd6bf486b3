/**
 * The rules' convention, checked: every file in src/core/rules (but the registry and the interface) is one
 * self-describing rule, registered once in RULES, with its own table of cases in test/rules/<id>.test.ts
 * that has must-not-remove cases too.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { REMOVAL_CATEGORIES } from '../../src/core/types.ts';
import { RULES } from '../../src/core/rules/index.ts';
import type { Rule } from '../../src/core/rules/rule.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const RULES_DIR = join(HERE, '../../src/core/rules');
const NOT_RULES = new Set(['index.ts', 'rule.ts']);
const ruleFiles = readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts') && !NOT_RULES.has(f)).sort();

function isRule(value: unknown): value is Rule {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Partial<Rule>;
  return typeof r.id === 'string' && typeof r.category === 'string' && typeof r.apply === 'function';
}

describe('rule registry', () => {
  it('has rule files', () => {
    assert.ok(ruleFiles.length >= 10, `only ${ruleFiles.length} rule files`);
  });

  it('registers each rule once, with a unique id and a known category', () => {
    const ids = RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, `duplicate ids: ${ids.join(', ')}`);
    assert.equal(new Set(RULES).size, RULES.length);
    for (const rule of RULES) assert.ok(REMOVAL_CATEGORIES.includes(rule.category), `${rule.id}: unknown category ${rule.category}`);
    assert.equal(RULES.length, ruleFiles.length, 'every rule file is registered, and every registered rule has a file');
  });

  for (const file of ruleFiles) {
    describe(file, () => {
      const source = readFileSync(join(RULES_DIR, file), 'utf8');

      it('starts with a doc comment that says what the rule removes', () => {
        assert.match(source, /^\/\*\*[\s\S]+?\*\//u, `${file} must open with /** … */`);
      });

      it('exports exactly one Rule, which is in RULES, with the file\'s name as its id', async () => {
        const mod = (await import(pathToFileURL(join(RULES_DIR, file)).href)) as Record<string, unknown>;
        const rules = Object.values(mod).filter(isRule);
        assert.equal(rules.length, 1, `${file} exports ${rules.length} rules`);
        const rule = rules[0]!;
        assert.ok(RULES.includes(rule), `${rule.id} is not in RULES (src/core/rules/index.ts)`);
        assert.equal(`${rule.id}.ts`, file, 'the file is named after the rule id');
      });

      it('has a table test in test/rules/<id>.test.ts with must-not-remove cases', () => {
        const test = join(HERE, file.replace(/\.ts$/u, '.test.ts'));
        assert.ok(existsSync(test), `missing ${test}`);
        const text = readFileSync(test, 'utf8');
        assert.match(text, /testRule\(/u, 'the test uses the shared table helper');
        assert.match(text, /removed: \[\]/u, 'the table has a must-not-remove case');
        assert.match(text, /why: /u, 'each case says why it exists');
      });
    });
  }
});
