import { describe, expect, it } from 'vitest';
import { seededRandom } from '../segments/random.js';
import { fitResemblance, scoreResemblance, type TraitExample } from './prospect-resemblance.js';

describe('prospect resemblance (naive Bayes on traits)', () => {
  it("reproduces Mitchell's PlayTennis example (Machine Learning, 1997, §6.9.1): P(no | sunny, cool, high, strong) = 0.795", () => {
    // "good" = PlayTennis yes. Outlook, Temperature, Humidity, Wind — Table 3.2.
    const table = `Sunny Hot High Weak No
Sunny Hot High Strong No
Overcast Hot High Weak Yes
Rain Mild High Weak Yes
Rain Cool Normal Weak Yes
Rain Cool Normal Strong No
Overcast Cool Normal Strong Yes
Sunny Mild High Weak No
Sunny Cool Normal Weak Yes
Rain Mild Normal Weak Yes
Sunny Mild Normal Strong Yes
Overcast Mild High Strong Yes
Overcast Hot Normal Weak Yes
Rain Mild High Strong No`;
    const examples: TraitExample[] = table.split('\n').map((line) => {
      const [outlook, temperature, humidity, wind, play] = line.split(' ');
      return { traits: { outlook, temperature, humidity, wind }, good: play === 'Yes' };
    });
    const model = fitResemblance(examples, ['outlook', 'temperature', 'humidity', 'wind'], { priorStrength: 0 })!;
    const score = scoreResemblance(model, { outlook: 'Sunny', temperature: 'Cool', humidity: 'High', wind: 'Strong' });
    // Mitchell: P(yes)·Π = .0053, P(no)·Π = .0206, so P(no | x) = .0206 / (.0206 + .0053) = .795.
    const yes = (9 / 14) * (2 / 9) * (3 / 9) * (3 / 9) * (3 / 9);
    const no = (5 / 14) * (3 / 5) * (1 / 5) * (4 / 5) * (3 / 5);
    expect(yes).toBeCloseTo(0.0053, 4);
    expect(no).toBeCloseTo(0.0206, 4);
    expect(score.probability).toBeCloseTo(yes / (yes + no), 12);
    expect(1 - score.probability).toBeCloseTo(0.795, 3);
    // The contributions add up to the log-odds, prior included.
    const sum = Math.log(9 / 5) + score.contributions.reduce((s, c) => s + c.logRatio, 0);
    expect(sum).toBeCloseTo(score.logOdds, 12);
    const humidity = score.contributions.find((c) => c.trait === 'humidity')!;
    expect(humidity.goodShare).toBeCloseTo(3 / 9, 12);
    expect(humidity.otherShare).toBeCloseTo(4 / 5, 12);
  });

  it('recovers the true posterior of a population generated with known parameters', () => {
    // Class first (30 % good), then traits independent given the class: the exact posterior is known.
    const industries = ['retail', 'construction', 'hotel', 'school'];
    const regions = ['east', 'west', 'north'];
    const pIndustry = { good: [0.5, 0.3, 0.15, 0.05], other: [0.2, 0.3, 0.25, 0.25] };
    const pRegion = { good: [0.6, 0.2, 0.2], other: [0.3, 0.4, 0.3] };
    const pType = { good: [0.5, 0.5], other: [0.5, 0.5] }; // does not discriminate
    const random = seededRandom(7);
    const draw = (p: number[]) => {
      let u = random();
      for (let i = 0; i < p.length; i++) if ((u -= p[i]) < 0) return i;
      return p.length - 1;
    };
    const examples: TraitExample[] = [];
    for (let i = 0; i < 40_000; i++) {
      const good = random() < 0.3;
      const k = good ? 'good' : 'other';
      examples.push({
        good,
        traits: { industry: industries[draw(pIndustry[k])], region: regions[draw(pRegion[k])], type: ['person', 'organisation'][draw(pType[k])], city: random() < 0.2 ? null : 'x' },
      });
    }
    const model = fitResemblance(examples, ['industry', 'region', 'type'])!;
    let worst = 0;
    for (let a = 0; a < industries.length; a++)
      for (let r = 0; r < regions.length; r++) {
        const g = 0.3 * pIndustry.good[a] * pRegion.good[r];
        const o = 0.7 * pIndustry.other[a] * pRegion.other[r];
        const truth = g / (g + o);
        const fitted = scoreResemblance(model, { industry: industries[a], region: regions[r], type: 'person' }).probability;
        worst = Math.max(worst, Math.abs(fitted - truth));
      }
    expect(worst).toBeLessThan(0.02);
    // The trait that does not discriminate contributes (almost) nothing; the retail + east prospect ranks first.
    const best = scoreResemblance(model, { industry: 'retail', region: 'east', type: 'organisation' });
    expect(Math.abs(best.contributions.find((c) => c.trait === 'type')!.logRatio)).toBeLessThan(0.05);
    expect(best.contributions[0].trait).toBe('industry');
    expect(best.probability).toBeGreaterThan(scoreResemblance(model, { industry: 'school', region: 'east' }).probability);
  });

  it('keeps unseen values and missing traits from deciding, and needs both classes', () => {
    const examples: TraitExample[] = [
      { traits: { industry: 'retail' }, good: true },
      { traits: { industry: 'retail' }, good: false },
      { traits: { industry: 'hotel' }, good: false },
    ];
    const model = fitResemblance(examples, ['industry'])!;
    const unseen = scoreResemblance(model, { industry: 'mining' });
    expect(unseen.probability).toBeGreaterThan(0);
    expect(unseen.probability).toBeLessThan(1);
    const missing = scoreResemblance(model, { industry: null });
    expect(missing.contributions).toEqual([]);
    expect(missing.probability).toBeCloseTo(1 / 3, 12);
    expect(fitResemblance([{ traits: {}, good: true }], ['industry'])).toBeNull();
  });

  it('lets a rare value speak less than a common one with the same rate of good customers', () => {
    // Melbourne: 6 good of 10 customers, Shanghai: 600 good of 1,000 — the same 60 %; base rate 1,000 of 3,400
    const examples: TraitExample[] = [];
    const add = (city: string, good: number, other: number) => {
      for (let i = 0; i < good; i++) examples.push({ traits: { city }, good: true });
      for (let i = 0; i < other; i++) examples.push({ traits: { city }, good: false });
    };
    add('Melbourne', 6, 4);
    add('Shanghai', 600, 400);
    add('Beijing', 394, 1996);
    const model = fitResemblance(examples, ['city'])!;
    const rare = scoreResemblance(model, { city: 'Melbourne' }).contributions[0];
    const common = scoreResemblance(model, { city: 'Shanghai' }).contributions[0];
    expect(rare.logRatio).toBeGreaterThan(0);
    expect(rare.logRatio).toBeLessThan(common.logRatio / 2);
    // with a prior worth 20 customers: P(good | Melbourne) = (6 + 20 × base) / 30
    const base = 1000 / 3400;
    const p = (6 + 20 * base) / 30;
    expect(rare.logRatio).toBeCloseTo(Math.log(p / (1 - p)) - Math.log(base / (1 - base)), 12);
    // the unsmoothed model reads both as the same evidence
    const raw = fitResemblance(examples, ['city'], { priorStrength: 0 })!;
    expect(scoreResemblance(raw, { city: 'Melbourne' }).contributions[0].logRatio).toBeCloseTo(scoreResemblance(raw, { city: 'Shanghai' }).contributions[0].logRatio, 12);
  });

  it('fits the same model from counted groups (a GROUP BY) as from one example per customer', () => {
    const rows: TraitExample[] = [];
    const groups: TraitExample[] = [];
    const add = (traits: Record<string, string | null>, good: boolean, count: number) => {
      for (let i = 0; i < count; i++) rows.push({ traits, good });
      groups.push({ traits, good, count });
    };
    add({ industry: 'retail', city: 'Shanghai' }, true, 40);
    add({ industry: 'retail', city: null }, false, 25);
    add({ industry: 'hotel', city: 'Beijing' }, false, 70);
    add({ industry: 'hotel', city: 'Shanghai' }, true, 12);
    add({ industry: 'school', city: 'Beijing' }, true, 0);
    const one = fitResemblance(rows, ['industry', 'city'])!;
    const grouped = fitResemblance(groups, ['industry', 'city'])!;
    expect([grouped.good, grouped.other]).toEqual([52, 95]);
    expect(grouped.counts).toEqual(one.counts);
    const prospect = { industry: 'retail', city: 'Shanghai' };
    expect(scoreResemblance(grouped, prospect)).toEqual(scoreResemblance(one, prospect));
    expect(() => fitResemblance([{ traits: {}, good: true, count: 1.5 }], ['industry'])).toThrow(/count/);
  });
});
