import { describe, expect, it } from 'vitest';
import { problemCodes } from '../../../server/src/modules/imports/problem';
import { importProblemsZhCN } from './import-problems.zh-CN';

describe('import problems in Chinese', () => {
  it('word every problem the server can report, and no other', () => {
    expect(Object.keys(importProblemsZhCN).sort()).toEqual([...problemCodes].sort());
  });
});
