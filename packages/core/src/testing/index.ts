export { dateArbitrary, eventIdArbitrary, instantArbitrary, metadataArbitrary, streamIdArbitrary } from './arbitraries.js';
export { deciderSpec, type DeciderGiven, type DeciderSpecification, type DeciderThen } from './givenWhenThen.js';
