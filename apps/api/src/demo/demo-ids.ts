/** The demo's database IDs, handed to each part of the demo that builds on the conventions. */
export interface SeededConvention {
  readonly id: number;
  /** In the order of the text: the founding convention's five axes of A2. */
  readonly axes: readonly number[];
}

export interface DemoIds {
  readonly dijon: number;
  readonly chefchaouen: number;
  readonly mainz: number;
  /** Dijon–Chefchaouen, as written. */
  readonly founding: SeededConvention;
  /** Dijon–Mainz, which Chefchaouen never sees. */
  readonly mainzConvention: SeededConvention;
}
