/**
 * Technical bounds on free text and lists in the progress events: they catch a paste of the wrong thing,
 * and are not domain rules (those are in the rule sets).
 */
export const LIMITS = Object.freeze({ description: 500, area: 100, reason: 500, comment: 1000, focus: 200, note: 4000, areas: 12, supportActions: 10, reviewDates: 10, stages: 20 });
