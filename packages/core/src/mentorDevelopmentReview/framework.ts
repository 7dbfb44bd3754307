import type { MdrFramework } from './events.js';

/** The first id used twice in the framework (areas, statements, suggested actions each their own kind). */
export const duplicateFrameworkId = (framework: MdrFramework): string | undefined => {
  const seen = new Set<string>();
  for (const id of [
    ...framework.areas.map((area) => `area ${area.areaId}`),
    ...framework.areas.flatMap((area) => area.statements.map((s) => `statement ${s.statementId}`)),
    ...framework.areas.flatMap((area) => area.suggestedActions.map((a) => `suggested action ${a.actionId}`)),
  ]) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
};

/** Each statement's area. */
export const statementAreas = (framework: MdrFramework): ReadonlyMap<string, string> =>
  new Map(framework.areas.flatMap((area) => area.statements.map((statement) => [statement.statementId, area.areaId] as const)));

/** The mean level of each area's rated statements, in framework order (areas with no rating left out). */
export const areaMeans = (framework: MdrFramework, levels: ReadonlyMap<string, number>): { readonly areaId: string; readonly mean: number }[] =>
  framework.areas.flatMap((area) => {
    const rated = area.statements.flatMap((statement) => {
      const level = levels.get(statement.statementId);
      return level === undefined ? [] : [level];
    });
    return rated.length === 0 ? [] : [{ areaId: area.areaId, mean: rated.reduce((sum, level) => sum + level, 0) / rated.length }];
  });

/** The area the ratings point to for development: the lowest mean, the first in the framework on a tie. */
export const suggestedPriorityArea = (framework: MdrFramework, levels: ReadonlyMap<string, number>): string | undefined => {
  let lowest: { readonly areaId: string; readonly mean: number } | undefined;
  for (const area of areaMeans(framework, levels)) if (lowest === undefined || area.mean < lowest.mean) lowest = area;
  return lowest?.areaId;
};
