/**
 * The scenario file, as a zod schema: the single source of truth for what a file may contain, its
 * defaults, and (through json-schema.ts) the JSON Schema editors and `frontdesk schema` show.
 * The keys of SCENARIO.md (the scenario and result contract) are a public contract: never rename or reinterpret them.
 * Extensions (balk, preempt, jockey, breakdown, appointments, period, description, $schema) are
 * all optional, so every file written against the contract keeps its meaning.
 *
 * The schema checks one value at a time; relations between values (a `serves` name must be a type,
 * shift times ascending inside the day, ...) are checked in semantics.ts.
 */
import { z } from 'zod';
import type { DistributionSpec } from '../core/distributions.js';
import { expecting } from './expectations.js';
import { MAX_COUNT, MAX_MINUTES, MAX_PER_HOUR, MAX_REPLICATIONS } from './limits.js';
import { CLOCK_PATTERN, OPEN_PATTERN } from './time.js';

// ---------------------------------------------------------------------------------------------
// Building blocks

/** Names of types and counter groups: identifiers, no dots, because variants use dotted paths. */
// `__proto__` is refused: as a key of a plain object it would replace the prototype.
export const NAME_PATTERN = /^(?!__proto__$)[A-Za-z_][A-Za-z0-9_-]*$/;

export const nameSchema = expecting(
  z.string().regex(NAME_PATTERN).max(64),
  'a name of letters, digits, "_" and "-" starting with a letter or "_" (no spaces or dots, at most 64 characters)',
).meta({ description: 'A name: letters, digits, "_" and "-", starting with a letter or "_". No dots: dotted paths address fields in variants.' });

/** Minutes: a duration (service mean, target, ...). */
function minutes(kind: 'positive' | 'nonnegative', description: string) {
  const base = kind === 'positive' ? z.number().positive() : z.number().min(0);
  return expecting(base.max(MAX_MINUTES), kind === 'positive' ? 'a positive number of minutes' : 'a number of minutes >= 0').meta({
    description,
  });
}

/** A share or probability. */
function fraction(description: string) {
  return expecting(z.number().min(0).max(1), 'a number from 0 to 1').meta({ description });
}

/** A point in the day: minutes from opening, or a clock time "HH:MM" measured from `open`. */
export const timeSchema = expecting(
  z.union([
    expecting(z.number().min(0).max(MAX_MINUTES), 'minutes from opening (a number >= 0) or a clock time "HH:MM"'),
    expecting(z.string().regex(CLOCK_PATTERN), 'minutes from opening (a number >= 0) or a clock time "HH:MM" (00:00 to 24:00)'),
  ]),
  'minutes from opening (a number >= 0) or a clock time "HH:MM"',
).meta({
  id: 'Time',
  description:
    'A time of day: minutes from opening (a number >= 0), or a clock time "HH:MM" measured from `open` ' +
    '(with open "09:00", "11:00" is 120). A clock time before `open` is after midnight; "24:00" is the end of the day.',
});

const count = (description: string, min: number) =>
  expecting(z.number().int().min(min).max(MAX_COUNT), min === 0 ? 'a whole number >= 0' : `a whole number >= ${min}`).meta({
    description,
  });

// ---------------------------------------------------------------------------------------------
// Distributions

const dist = <T extends string>(name: T, description: string) =>
  z.literal(name).meta({ description });

// The order checks of the uniform and triangular laws, for durations and offsets alike.
function maxNotBelowMin(d: { min: number; max: number }, ctx: z.RefinementCtx): void {
  if (d.max < d.min) ctx.addIssue({ code: 'custom', path: ['max'], message: `a number >= min (${d.min})` });
}

function threePointOrder(what: 'time' | 'offset') {
  return (d: { min: number; mode: number; max: number }, ctx: z.RefinementCtx): void => {
    if (d.mode < d.min) ctx.addIssue({ code: 'custom', path: ['mode'], message: `a number >= min (${d.min})` });
    else if (d.max < d.mode) ctx.addIssue({ code: 'custom', path: ['max'], message: `a number >= mode (${d.mode})` });
    else if (d.max === d.min) ctx.addIssue({ code: 'custom', path: ['max'], message: `a number > min (${d.min}); use deterministic for a fixed ${what}` });
  };
}

const exponential = z
  .strictObject({
    dist: dist('exponential', 'Exponential: memoryless, coefficient of variation 1; the usual model of time between arrivals.'),
    mean: minutes('positive', 'Mean in minutes.'),
  })
  .meta({ title: 'exponential', description: 'Exponential distribution with the given mean.' });

const deterministic = z
  .strictObject({
    dist: dist('deterministic', 'Always the same value.'),
    value: minutes('nonnegative', 'The value in minutes.'),
  })
  .meta({ title: 'deterministic', description: 'Always exactly `value` minutes.' });

const uniform = z
  .strictObject({
    dist: dist('uniform', 'Uniform between min and max.'),
    min: minutes('nonnegative', 'Lower end in minutes.'),
    max: minutes('nonnegative', 'Upper end in minutes (>= min).'),
  })
  .superRefine(maxNotBelowMin)
  .meta({ title: 'uniform', description: 'Uniform between `min` and `max` minutes.' });

const triangular = z
  .strictObject({
    dist: dist('triangular', 'Triangular: min, most likely value, max; the planner-friendly three-point estimate.'),
    min: minutes('nonnegative', 'Shortest time in minutes.'),
    mode: minutes('nonnegative', 'Most likely time in minutes (between min and max).'),
    max: minutes('nonnegative', 'Longest time in minutes.'),
  })
  .superRefine(threePointOrder('time'))
  .meta({ title: 'triangular', description: 'Triangular between `min` and `max` with its peak at `mode` (minutes).' });

const normal = z
  .strictObject({
    dist: dist('normal', 'Normal, truncated at 0 (a time cannot be negative).'),
    mean: minutes('positive', 'Mean in minutes (before truncation).'),
    sd: minutes('nonnegative', 'Standard deviation in minutes (before truncation).'),
  })
  .meta({ title: 'normal', description: 'Normal with `mean` and `sd` minutes, truncated at 0.' });

const lognormal = z
  .strictObject({
    dist: dist('lognormal', 'Lognormal: right-skewed, the usual fit for service times.'),
    mean: minutes('positive', 'Mean in minutes.'),
    cv: expecting(z.number().min(0).max(100), 'a coefficient of variation from 0 to 100')
      .meta({ description: 'Coefficient of variation (sd / mean). Give cv or sd, not both.' })
      .optional(),
    sd: minutes('nonnegative', 'Standard deviation in minutes. Give cv or sd, not both.').optional(),
  })
  .superRefine((d, ctx) => {
    if (d.cv === undefined && d.sd === undefined) {
      ctx.addIssue({ code: 'custom', path: ['cv'], message: 'cv or sd (exactly one of them)' });
    } else if (d.cv !== undefined && d.sd !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['sd'], message: 'cv or sd, not both', params: { found: 'both cv and sd' } });
    }
  })
  .meta({
    title: 'lognormal',
    description: 'Lognormal with the given mean and either cv or sd.',
    oneOf: [{ required: ['cv'] }, { required: ['sd'] }],
  });

const gamma = z
  .strictObject({
    dist: dist('gamma', 'Gamma with the given mean and coefficient of variation.'),
    mean: minutes('positive', 'Mean in minutes.'),
    cv: expecting(z.number().positive().max(100), 'a positive coefficient of variation (at most 100)').meta({
      description: 'Coefficient of variation (sd / mean).',
    }),
  })
  .meta({ title: 'gamma', description: 'Gamma with `mean` minutes and coefficient of variation `cv`.' });

const erlang = z
  .strictObject({
    dist: dist('erlang', 'Erlang: the sum of k exponential phases; cv = 1/sqrt(k).'),
    mean: minutes('positive', 'Mean in minutes.'),
    k: expecting(z.number().int().min(1).max(1000), 'a whole number of phases from 1 to 1000').meta({ description: 'Number of phases.' }),
  })
  .meta({ title: 'erlang', description: 'Erlang with `mean` minutes and `k` phases.' });

const weibull = z
  .strictObject({
    dist: dist('weibull', 'Weibull with shape and scale.'),
    // Below 0.1 the mean overflows to Infinity (Gamma(1 + 1/shape)); real service times sit in 0.3..10.
    shape: expecting(z.number().min(0.1).max(100), 'a shape from 0.1 to 100').meta({ description: 'Shape (k): below 1 long-tailed, 1 exponential, above 1 peaked. From 0.1 to 100.' }),
    scale: minutes('positive', 'Scale in minutes.'),
  })
  .meta({ title: 'weibull', description: 'Weibull with `shape` and `scale` (minutes).' });

const empirical = z
  .strictObject({
    dist: dist('empirical', 'Resamples the recorded values with equal probability.'),
    values: z
      .array(minutes('nonnegative', 'A recorded time in minutes.'))
      .min(1)
      .meta({ description: 'Recorded times in minutes; each draw picks one of them at random.' }),
  })
  .meta({ title: 'empirical', description: 'Draws one of the recorded `values` at random.' });

export const distributionSchema = z
  .discriminatedUnion('dist', [exponential, deterministic, uniform, triangular, normal, lognormal, gamma, erlang, weibull, empirical])
  .meta({
    id: 'Distribution',
    description: 'A distribution of minutes: an object with `dist` and its parameters, e.g. { dist: lognormal, mean: 5, cv: 0.6 }.',
  });

export type DistributionInput = z.output<typeof distributionSchema>;
// Compile-time proof that a validated distribution is what Distribution.from accepts.
const _specCheck = (d: DistributionInput): DistributionSpec => d;
void _specCheck;

// Offsets (punctuality): unlike durations they may be negative (early), and `normal` is not truncated.

const offsetMinutes = (description: string) =>
  expecting(z.number().min(-MAX_MINUTES).max(MAX_MINUTES), 'a number of minutes (negative = early)').meta({ description });

const offsetNormal = z
  .strictObject({
    dist: dist('normal', 'Normal, NOT truncated here: early and late arrivals alike.'),
    mean: offsetMinutes('Mean offset in minutes; 0 = on time on average, negative = early.'),
    sd: minutes('nonnegative', 'Standard deviation in minutes.'),
  })
  .meta({ title: 'normal (offset)', description: 'Normal offset, not truncated: { dist: normal, mean: 0, sd: 5 }.' });

const offsetUniform = z
  .strictObject({
    dist: dist('uniform', 'Uniform offset between min and max.'),
    min: offsetMinutes('Earliest offset in minutes (negative = early).'),
    max: offsetMinutes('Latest offset in minutes.'),
  })
  .superRefine(maxNotBelowMin)
  .meta({ title: 'uniform (offset)', description: 'Uniform offset, e.g. { dist: uniform, min: -10, max: 5 }.' });

const offsetTriangular = z
  .strictObject({
    dist: dist('triangular', 'Triangular offset.'),
    min: offsetMinutes('Earliest offset in minutes.'),
    mode: offsetMinutes('Most likely offset in minutes.'),
    max: offsetMinutes('Latest offset in minutes.'),
  })
  .superRefine(threePointOrder('offset'))
  .meta({ title: 'triangular (offset)', description: 'Triangular offset with negative values allowed.' });

const offsetDeterministic = z
  .strictObject({
    dist: dist('deterministic', 'A fixed offset.'),
    value: offsetMinutes('Offset in minutes (negative = early).'),
  })
  .meta({ title: 'deterministic (offset)', description: 'Always the same offset.' });

const offsetEmpirical = z
  .strictObject({
    dist: dist('empirical', 'Resamples recorded offsets.'),
    values: z.array(offsetMinutes('A recorded offset in minutes.')).min(1).meta({ description: 'Recorded offsets in minutes.' }),
  })
  .meta({ title: 'empirical (offset)', description: 'Draws one of the recorded offsets at random.' });

export const offsetDistributionSchema = z
  .discriminatedUnion('dist', [offsetNormal, offsetUniform, offsetTriangular, offsetDeterministic, offsetEmpirical, exponential, lognormal, gamma, erlang, weibull])
  .meta({
    id: 'OffsetDistribution',
    description:
      'A distribution of an arrival offset in minutes (negative = early). normal, uniform, triangular, deterministic and ' +
      'empirical accept negative values (normal is NOT truncated here); exponential, lognormal, gamma, erlang and weibull mean late only.',
  });

export type OffsetDistributionInput = z.output<typeof offsetDistributionSchema>;

// ---------------------------------------------------------------------------------------------
// Behaviour

const durationOrDistribution = (description: string) =>
  expecting(z.union([minutes('positive', 'Mean in minutes (exponential).'), distributionSchema]), 'a positive number of minutes (the mean of an exponential) or a distribution').meta({
    description,
  });

export const breakdownSchema = z
  .strictObject({
    mtbf: durationOrDistribution('Up time between failures (mean time between failures): minutes (exponential with that mean) or a distribution. The failure clock runs in calendar time from the opening and from each repair, whether the counter is serving, idle or closed.'),
    repair: durationOrDistribution('Time to repair: minutes (exponential with that mean) or a distribution.'),
  })
  .meta({
    id: 'Breakdown',
    description: 'Equipment failures: each counter or kiosk fails `mtbf` after the opening or its last repair (calendar time) and is back after `repair`. A customer in service when it fails resumes after the repair. Reported: `availability` (share of staffed time not broken), `interrupted` (services suspended by a failure); `utilization` counts serving time only, so a broken counter holding a customer is not busy.',
  });

export const balkSchema = z
  .strictObject({
    queueLength: count('Number waiting at which every arriving customer leaves at once. Default: no such limit.', 1).optional(),
    probability: z
      .array(fraction('Chance to balk.'))
      .min(1)
      .max(10_000)
      .meta({ description: 'Chance to leave at once by line length seen: entry n is for n customers waiting; the last entry holds for longer lines.' })
      .optional(),
  })
  .meta({
    id: 'Balk',
    description: 'Balking: customers who see a long line leave at once. An empty object {} means never balk (overrides the top-level setting for a type).',
  });

// ---------------------------------------------------------------------------------------------
// Parts of the file

export const customerTypeSchema = z
  .strictObject({
    share: expecting(z.number().min(0).max(1e9), 'a number >= 0').default(1).meta({
      description: 'Relative share of arrivals; shares are normalised over all types. Default 1.',
    }),
    service: distributionSchema.meta({ description: 'Service time at a counter, minutes.' }),
    patience: distributionSchema
      .meta({ description: 'Reneging: how long a customer waits in a line before leaving. Default: waits forever.' })
      .optional(),
    priority: expecting(z.number().min(-1e9).max(1e9), 'a number (higher is served first)').default(0).meta({
      description: 'Higher numbers are served first within a line; equal priorities are FIFO. Default 0.',
    }),
    preempt: z.boolean().default(false).meta({
      description: 'A customer of this type interrupts the service of a lower-priority customer, who resumes later. Default false.',
    }),
    balk: balkSchema.optional().meta({ description: 'Balking for this type; replaces the top-level `balk`.' }),
  })
  .meta({ description: 'A customer type.' });

const shiftStepSchema = z
  .strictObject({
    at: timeSchema,
    count: count('Counters staffed from `at` on.', 0),
  })
  .meta({ description: 'From `at` on, `count` counters are staffed.' });

export const staffSchema = expecting(
  z.union([
    count('Counters staffed all day.', 1),
    z.array(shiftStepSchema).min(1).meta({
      description: 'Shift plan: ascending times, the first at opening. A counter that closes while serving finishes that customer first.',
    }),
  ]),
  'a whole number of counters >= 1 or a shift plan [{ at: "HH:MM", count: n }, ...]',
).meta({ description: 'Counters staffed: a number for all day, or a shift plan.' });

export const counterGroupSchema = z
  .strictObject({
    staff: staffSchema,
    serves: z.array(nameSchema).min(1).meta({ description: 'Customer types this group serves (its skills), by name.' }),
    breakdown: breakdownSchema.optional(),
    cost: expecting(z.number().min(0).max(1e12), 'a cost per counter-hour >= 0')
      .meta({
        description:
          'Cost of one counter-hour on duty (any unit: money, paid hours). Reported: `cost`, the staff-hours of the groups that have one times their cost. Default: none.',
      })
      .optional(),
  })
  .meta({ description: 'A group of counters with the same skills and one staffing plan.' });

export const kiosksSchema = z
  .strictObject({
    count: count('Number of machines (0 = none, e.g. in a variant).', 0),
    uptake: z
      .record(nameSchema, fraction('Share of the type that tries a kiosk first.'))
      .default({})
      .meta({ description: 'Share of each type that tries a kiosk first, by type name. Types not listed never use kiosks.' }),
    service: distributionSchema.meta({ description: 'Time at a kiosk, minutes.' }),
    fallback: fraction('Share of kiosk users who still need a counter afterwards. Default 0.').default(0),
    breakdown: breakdownSchema.optional(),
  })
  .meta({ description: 'Self-service machines. Kiosk users line up for a free kiosk, then leave or (fallback) line up at a counter.' });

const profileStepSchema = z
  .strictObject({
    at: timeSchema,
    perHour: expecting(z.number().min(0).max(MAX_PER_HOUR), 'a number of arrivals per hour >= 0').meta({
      description: 'Arrival rate per hour from `at` on.',
    }),
  })
  .meta({ description: 'From `at` on, customers arrive at `perHour`.' });

export const arrivalsSchema = z
  .strictObject({
    perHour: expecting(z.number().min(0).max(MAX_PER_HOUR), 'a number of arrivals per hour >= 0')
      .meta({ description: 'Homogeneous Poisson arrivals: this many per hour on average.' })
      .optional(),
    profile: z
      .array(profileStepSchema)
      .min(1)
      .meta({ description: 'Piecewise-constant Poisson rate: ascending times, the first at opening; each rate lasts until the next.' })
      .optional(),
    trace: expecting(z.string().min(1), 'a path to a CSV file, relative to the scenario file')
      .meta({
        description:
          'Replay recorded arrivals: a CSV file (relative to the scenario file) with a header and column `time` ' +
          '(minutes or "HH:MM"), optional `type` (a type name) and `service` (minutes).',
      })
      .optional(),
  })
  .superRefine((a, ctx) => {
    const given = (['perHour', 'profile', 'trace'] as const).filter((k) => a[k] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: 'exactly one of perHour, profile, trace',
        params: { found: given.length === 0 ? 'none of perHour, profile, trace' : `${given.join(' and ')} together` },
      });
    }
  })
  // The object has only these three keys, so "exactly one" is also expressible in JSON Schema.
  .meta({ description: 'How walk-in customers arrive: exactly one of perHour, profile, trace.', minProperties: 1, maxProperties: 1 });

export const appointmentsSchema = z
  .strictObject({
    every: minutes('positive', 'Minutes between slots; at most 1,000,000 booked visits (slots × perSlot) a day.'),
    perSlot: count('Customers booked per slot.', 1),
    noShow: fraction('Share of booked customers who do not come.'),
    punctuality: offsetDistributionSchema
      .meta({ description: 'Arrival offset from the slot time in minutes (negative = early). Default: exactly on time.' })
      .optional(),
    type: nameSchema.meta({ description: 'Type of booked customers. Default: drawn from the shares.' }).optional(),
    start: timeSchema.default(0).meta({ description: 'First slot. Default: at opening.' }),
  })
  .meta({ description: 'Booked visits on top of walk-ins: slots from `start` every `every` minutes until the horizon.' });

export const variantSchema = z
  .strictObject({
    name: expecting(z.string().min(1).max(200), 'a non-empty name').meta({ description: 'Name shown in reports.' }),
    set: z
      .record(z.string(), z.unknown())
      .refine((s) => Object.keys(s).length > 0, { message: 'at least one dotted path, e.g. { kiosks.count: 4 }' })
      .meta({
        description:
          'Changes to the baseline: dotted path -> new value (e.g. kiosks.count: 4, types.transaction.service.mean: 10). ' +
          'An object value replaces the whole object; null removes the key.',
      }),
  })
  .meta({ description: 'An alternative compared with the baseline (the file itself).' });

// ---------------------------------------------------------------------------------------------
// The staffing search (`frontdesk staff`): what each period must reach, and the shifts to cover it

export const breakWindowSchema = z
  .strictObject({
    after: z
      .tuple([minutes('nonnegative', 'Earliest start, minutes into the shift.'), minutes('nonnegative', 'Latest start, minutes into the shift.')])
      .meta({ description: 'The break starts between these two offsets into the shift (minutes), on the shift grid `every`.' }),
    length: minutes('positive', 'Length of the break in minutes.'),
  })
  .superRefine((b, ctx) => {
    if (b.after[1] < b.after[0]) ctx.addIssue({ code: 'custom', path: ['after', 1], message: `a number >= after[0] (${b.after[0]})` });
  })
  .meta({ description: 'A break within a window: `length` minutes starting between after[0] and after[1] minutes into the shift.' });

export const shiftPatternSchema = z
  .strictObject({
    name: expecting(z.string().min(1).max(200), 'a non-empty name').meta({ description: 'Name shown in the roster.' }),
    group: nameSchema.meta({ description: 'The counter group this shift staffs.' }),
    length: minutes('positive', 'Length of the shift in minutes, breaks included.'),
    every: minutes('positive', 'Start grid: a shift starts at 0, every, 2·every, ... minutes from opening (and breaks on the same grid).'),
    cost: expecting(z.number().min(0).max(1e12), 'a cost >= 0').meta({ description: 'Cost of one such shift (any unit: hours, money).' }),
    breaks: z.array(breakWindowSchema).max(10).default([]).meta({ description: 'Breaks, in order. Default none.' }),
    max: count('Most shifts of this pattern used. Default: no limit.', 0).optional(),
  })
  .meta({ description: 'A shift pattern: starts on a grid, a length, breaks in windows, a cost, a cap on how many.' });

export const staffingSchema = z
  .strictObject({
    serviceLevel: fraction('Share of each period\'s arrivals that must be served within waitTarget (abandoned and balked are misses), e.g. 0.8.').optional(),
    maxAbandon: fraction('Most share of each period\'s arrivals who may abandon or balk, e.g. 0.05.').optional(),
    period: minutes('positive', 'Length of a staffing period in minutes. Default: the scenario\'s `period`, else 60.').optional(),
    groups: z.array(nameSchema).min(1).meta({ description: 'Counter groups whose staff the search sets. Default: every group.' }).optional(),
    min: count('Fewest counters per group and period. Default 0.', 0).default(0),
    max: count('Most counters per group and period. Default 100.', 0).default(100),
    shifts: z.array(shiftPatternSchema).max(1000).meta({ description: 'Cover the requirement with these shift patterns at least cost.' }).optional(),
  })
  .superRefine((s, ctx) => {
    if (s.serviceLevel === undefined && s.maxAbandon === undefined) {
      ctx.addIssue({ code: 'custom', message: 'at least one of serviceLevel and maxAbandon', params: { found: 'neither serviceLevel nor maxAbandon' } });
    }
    if (s.max < s.min) ctx.addIssue({ code: 'custom', path: ['max'], message: `a number >= min (${s.min})` });
  })
  .meta({

    description:
      'What `frontdesk staff` must reach in every period (serviceLevel within waitTarget, maxAbandon), which groups it staffs, and optional shifts to cover the requirement at least cost.',
  });

// ---------------------------------------------------------------------------------------------
// The file

export const DEFAULT_WAIT_TARGET = 10;
export const DEFAULT_PERIOD = 60;

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().meta({ description: 'Optional: the JSON Schema this file follows, for editors.' }).optional(),
    name: expecting(z.string().min(1).max(200), 'a non-empty name').meta({ description: 'Name of the scenario, shown in reports.' }),
    question: z
      .string()
      .max(2_000)
      .meta({ description: 'The planning question this scenario answers, in a sentence; the HTML report states it under the title.' })
      .optional(),
    description: z.string().max(10_000).meta({ description: 'Free text: what this scenario is about.' }).optional(),
    open: expecting(z.string().regex(OPEN_PATTERN), 'a clock time "HH:MM" (00:00 to 23:59)').default('00:00').meta({
      description: 'Clock time of opening. Only used to print clock times and to read "HH:MM" times. Default "00:00".',
    }),
    horizon: timeSchema.meta({
      description: 'Minutes (from opening) during which customers arrive, or the closing time "HH:MM". Required. Longer than a day (1440 minutes): a run of several days, whose byPeriod is folded by time of day (see period).',
    }),
    drain: z.boolean().default(true).meta({
      description: 'Customers already inside at the horizon are still served (true) or the day stops there (false). Default true.',
    }),
    warmup: timeSchema.default(0).meta({ description: 'Time at the start excluded from statistics. Default 0.' }),
    replications: expecting(z.number().int().min(1).max(MAX_REPLICATIONS), 'a whole number >= 1').default(10).meta({
      description: 'Independent simulated days. Default 10; -n overrides, --max-replications caps. Below 2 a figure has no spread: sd and ci95 are null and nothing is significant. In a comparison of several files the first file\'s holds for all.',
    }),
    seed: expecting(z.number().int().min(0), 'a whole number >= 0').default(1).meta({
      description: 'Random seed: the same file and seed give the same numbers. Default 1. In a comparison of several files the first file\'s holds for all (common random numbers); a variant cannot change it.',
    }),
    waitTarget: minutes('nonnegative', 'Service level target: the share of customers served within this wait is reported as serviceLevel. Default 10. In a comparison every alternative is judged at the baseline\'s (the first file\'s) target: another target in a later file or a variant is replaced, with a warning.').default(
      DEFAULT_WAIT_TARGET,
    ),
    period: minutes('positive', 'Length of a report period (byPeriod) in minutes, at least 1. Default 60; the --period option overrides. A horizon longer than a day (1440 minutes) has its byPeriod folded by time of day: ceil(1440 / period) periods, each gathering that time of every day (the result says byPeriodFolded).').default(DEFAULT_PERIOD),
    arrivals: arrivalsSchema,
    appointments: appointmentsSchema.optional(),
    types: z
      .record(nameSchema, customerTypeSchema)
      .refine((t) => Object.keys(t).length > 0, { message: 'at least one customer type' })
      .meta({ description: 'Customer types by name; shares are normalised.', minProperties: 1 }),
    counters: z
      .record(nameSchema, counterGroupSchema)
      .refine((c) => Object.keys(c).length > 0, { message: 'at least one counter group' })
      .meta({ description: 'Counter groups by name.', minProperties: 1 }),
    kiosks: kiosksSchema.optional(),
    staffing: staffingSchema.optional(),
    queue: z.enum(['single', 'per-counter']).default('single').meta({
      description: 'single: one line per counter group; per-counter: one line per counter, customers join the shortest. Default single.',
    }),
    jockey: z.boolean().default(false).meta({
      description: 'Per-counter lines only: the last customer in a line moves when a neighbouring line is shorter by 2 or more. Default false.',
    }),
    balk: balkSchema.optional().meta({ description: 'Balking for all types (a type may override it).' }),
    variants: z
      .array(variantSchema)
      .default([])
      .superRefine((variants, ctx) => {
        const seen = new Set<string>();
        variants.forEach((v, i) => {
          if (v.name === 'baseline') ctx.addIssue({ code: 'custom', path: [i, 'name'], message: 'a name other than "baseline" (the file itself is the baseline)' });
          else if (seen.has(v.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: 'a name not used by another variant' });
          seen.add(v.name);
        });
      })
      .meta({ description: 'Alternatives compared with the baseline (the file itself).' }),
    grid: z
      .record(
        z.string(),
        expecting(z.array(z.unknown()).min(1), 'a list of the values this setting takes, e.g. [3, 4, 5]').meta({
          description: 'The values this setting takes, one variant per combination.',
        }),
      )
      .refine((g) => Object.keys(g).length > 0, { message: 'at least one dotted path, e.g. { kiosks.count: [0, 2] }' })
      .meta({
        description:
          'A sweep: dotted path -> list of values. Adds one variant per combination (first path slowest), after `variants`, ' +
          'named by its settings, e.g. "counters.windows.staff=3, kiosks.count=0". Validated like hand-written variants.',
        minProperties: 1,
      })
      .optional(),
  })
  .meta({ description: 'A frontdesk scenario: a service hall, its customers, counters and kiosks, and the variants to compare.' });
expecting(scenarioSchema, 'a scenario: an object with name, horizon, arrivals, types and counters');

/** A validated scenario, defaults filled in; times still as written (see time.ts). */
export type Scenario = z.output<typeof scenarioSchema>;
export type Variant = Scenario['variants'][number];
export type Breakdown = z.output<typeof breakdownSchema>;
export type Balk = z.output<typeof balkSchema>;
export type Staffing = z.output<typeof staffingSchema>;
export type ShiftPattern = z.output<typeof shiftPatternSchema>;
