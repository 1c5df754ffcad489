import { budgetAt } from '../bench/budget-bench';

// Section 7 of the bench reads where the spinning bare server's ratio crosses a target; the reading must be
// the interpolated crossing, and nothing when the measured levels do not bracket it.
describe('budgetAt', () => {
  const points = [
    { workMicros: 0, ratio: 1 },
    { workMicros: 10, ratio: 0.6 },
    { workMicros: 20, ratio: 0.4 },
    { workMicros: 40, ratio: 0.3 },
  ];

  test('interpolates between the two levels around the ratio', () => {
    expect(budgetAt(points, 0.5)).toBeCloseTo(15);
    expect(budgetAt(points, 0.35)).toBeCloseTo(30);
  });

  test('a ratio met exactly at a level gives that level', () => {
    expect(budgetAt(points, 0.6)).toBeCloseTo(10);
  });

  test('levels given in any order give the same answer', () => {
    expect(budgetAt([...points].reverse(), 0.5)).toBeCloseTo(15);
  });

  test('a ratio the levels do not reach has no budget', () => {
    expect(budgetAt(points, 0.2)).toBeUndefined();
    expect(budgetAt([{ workMicros: 0, ratio: 1 }], 0.5)).toBeUndefined();
  });
});
