/** Filled in by the part of the API that builds it. */
export {};
