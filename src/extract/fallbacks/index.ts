/** @module extract/fallbacks: second opinions for HTML extraction; each one never throws. */
export { type ReadabilityOutput, runReadability } from './readability.js'
