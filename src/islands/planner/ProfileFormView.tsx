/**
 * The profile form in six sections (anchors exams, visa, experience, letters, research, preferences).
 * Every value is kept as typed; the engine turns it into a profile and its messages show inline.
 */
import { Show } from 'solid-js';
import { REGION_ORDER } from '../../engine/data/dataset';
import type { ProfileForm, ProfileFormField } from '../../engine/planner/profile-form';

type Errors = Partial<Record<ProfileFormField, string>>;

interface Props {
  form: ProfileForm;
  errors: Errors;
  base: string;
  onChange: (patch: Partial<ProfileForm>) => void;
}

type TextField = Exclude<ProfileFormField, 'tracks' | 'regions'>;

interface FieldSpec {
  name: TextField;
  label: string;
  help?: string;
  /** Choices for a select; a text input otherwise. */
  options?: readonly (readonly [string, string])[];
  /** A number: a short box, and the digits keyboard on phones. */
  numeric?: boolean;
}

interface SectionSpec {
  id: string;
  title: string;
  chapter: string;
  chapterTitle: string;
  intro?: string;
  fields: FieldSpec[];
}

const SECTIONS: SectionSpec[] = [
  {
    id: 'exams',
    title: 'Exams',
    chapter: 'usmle',
    chapterTitle: 'USMLE strategy',
    fields: [
      {
        name: 'step1',
        label: 'Step 1',
        options: [
          ['passed-first-attempt', 'Passed on the first attempt'],
          ['passed-after-failure', 'Passed after a failure'],
          ['not-taken', 'Not taken yet'],
        ],
      },
      {
        name: 'step2Score',
        label: 'Step 2 CK score',
        help: 'Your latest score, 1 to 300. Leave blank if you have not taken it yet.',
        numeric: true,
      },
      {
        name: 'step2Attempts',
        label: 'Step 2 CK attempts',
        help: '1 if you passed on the first attempt.',
        numeric: true,
      },
      {
        name: 'step3',
        label: 'Step 3',
        help: 'Most programs that sponsor H-1B visas need Step 3 passed before they file.',
        options: [
          ['passed', 'Passed'],
          ['will-pass-before-ranking', 'Will pass before rank lists are due'],
          ['no', 'Not taken, no date yet'],
        ],
      },
      {
        name: 'ecfmg',
        label: 'ECFMG certification',
        options: [
          ['pending', 'Pending'],
          ['certified', 'Certified'],
        ],
      },
    ],
  },
  {
    id: 'visa',
    title: 'Visa and graduation',
    chapter: 'visas',
    chapterTitle: 'Visas: J-1, H-1B and your long-term plan',
    fields: [
      {
        name: 'visa',
        label: 'Visa you need for residency',
        help: '“None” if you do not need one, for example as a permanent resident.',
        options: [
          ['j1', 'J-1'],
          ['h1b', 'H-1B'],
          ['either', 'Either J-1 or H-1B'],
          ['none', 'None'],
        ],
      },
      {
        name: 'graduationYear',
        label: 'Year you graduated from medical school',
        help: 'For example 2021. Some programs only consider recent graduates.',
        numeric: true,
      },
    ],
  },
  {
    id: 'experience',
    title: 'US clinical experience (months)',
    chapter: 'clinical-experience',
    chapterTitle: 'US clinical experience and rotations',
    intro: 'Months in the United States, 0 when none. Half months are fine (0.5).',
    fields: [
      { name: 'handsOn', label: 'Hands-on electives or sub-internships', numeric: true },
      { name: 'externship', label: 'Externships', numeric: true },
      { name: 'observership', label: 'Observerships', numeric: true },
      { name: 'usResearch', label: 'Research in the US', numeric: true },
    ],
  },
  {
    id: 'letters',
    title: 'US letters of recommendation',
    chapter: 'letters',
    chapterTitle: 'Letters of recommendation',
    intro: 'Letters from US faculty you can count on, by specialty.',
    fields: [
      { name: 'lettersIr', label: 'From interventional radiologists', numeric: true },
      { name: 'lettersDr', label: 'From diagnostic radiologists', numeric: true },
      {
        name: 'lettersOther',
        label: 'From other core specialties',
        help: 'Medicine, surgery and the like.',
        numeric: true,
      },
    ],
  },
  {
    id: 'research',
    title: 'Research and distinctions',
    chapter: 'cv',
    chapterTitle: 'Building an IR-centered CV',
    fields: [
      { name: 'irPublications', label: 'IR or imaging publications', numeric: true },
      { name: 'otherPublications', label: 'Other publications', numeric: true },
      { name: 'abstracts', label: 'Abstracts, posters and presentations', numeric: true },
      {
        name: 'honours',
        label: 'Honours and leadership roles',
        help: 'Awards, distinctions, leading a group or a project.',
        numeric: true,
      },
    ],
  },
];

const TRACKS = [
  ['ir-integrated', 'IR–Integrated'],
  ['dr', 'Diagnostic Radiology (DR)'],
] as const;

/** The form. */
export default function ProfileFormView(props: Props) {
  const errorId = (name: string) => `pf-${name}-error`;

  /** A field's message, while it has one. */
  const errorText = (name: ProfileFormField) => (
    <Show when={props.errors[name]}>
      {(message) => (
        <p class="field-error" id={errorId(name)}>
          {message()}
        </p>
      )}
    </Show>
  );

  // The specs are fixed, so their parts are plain values here: only the form and its errors change.
  const field = ({ name, label, help, options, numeric }: FieldSpec) => {
    const id = `pf-${name}`;
    const helpId = help === undefined ? '' : `${id}-help`;
    const invalid = () => (props.errors[name] ? 'true' : undefined);
    const described = () => [helpId, props.errors[name] ? errorId(name) : ''].filter(Boolean).join(' ') || undefined;
    const change = (e: { currentTarget: { value: string } }) => props.onChange({ [name]: e.currentTarget.value });
    return (
      <div class="field">
        <label for={id}>{label}</label>
        {help && (
          <p class="field-help" id={helpId}>
            {help}
          </p>
        )}
        {options ? (
          <select id={id} aria-invalid={invalid()} aria-describedby={described()} name={name} onChange={change}>
            {options.map(([value, text]) => (
              <option value={value} selected={props.form[name] === value}>
                {text}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={id}
            aria-invalid={invalid()}
            aria-describedby={described()}
            name={name}
            type="text"
            class={numeric ? 'short' : undefined}
            inputmode={numeric ? 'decimal' : undefined}
            autocomplete="off"
            maxLength={name === 'states' ? 400 : 20}
            value={props.form[name]}
            onInput={change}
          />
        )}
        {errorText(name)}
      </div>
    );
  };

  /** Ticks that add or remove one value of a list field. */
  const ticks = (key: 'tracks' | 'regions', prefix: string, items: readonly (readonly [string, string])[]) =>
    items.map(([value, label]) => {
      const id = `pf-${prefix}-${value}`;
      return (
        <div class="check">
          <input
            id={id}
            type="checkbox"
            checked={props.form[key].includes(value)}
            onChange={(e) => {
              const rest = props.form[key].filter((v) => v !== value);
              props.onChange({ [key]: e.currentTarget.checked ? [...rest, value] : rest });
            }}
          />
          <label for={id}>{label}</label>
        </div>
      );
    });

  const guideLink = (chapter: string, title: string) => (
    <p class="section-guide">
      Guide: <a href={`${props.base}guide/${chapter}/`}>{title}</a>
    </p>
  );

  return (
    <form class="profile-form" aria-label="Your profile" onSubmit={(e) => e.preventDefault()}>
      <p class="muted form-intro">
        Changes apply as you type and are kept in this browser only. No name or contact details are asked for.
      </p>
      {SECTIONS.map(({ id, title, chapter, chapterTitle, intro, fields }) => (
        <fieldset id={id} class="form-section">
          <legend>{title}</legend>
          {guideLink(chapter, chapterTitle)}
          {intro && <p class="field-help">{intro}</p>}
          <div class="fields">{fields.map(field)}</div>
        </fieldset>
      ))}
      <fieldset id="preferences" class="form-section">
        <legend>Tracks, places and budget</legend>
        {guideLink('targeting', 'Targeting programs')}
        <fieldset
          class="choices"
          aria-describedby={props.errors.tracks ? errorId('tracks') : undefined}
          aria-invalid={props.errors.tracks ? 'true' : undefined}
        >
          <legend>Tracks you are applying to</legend>
          {ticks('tracks', 'track', TRACKS)}
          {errorText('tracks')}
        </fieldset>
        <fieldset class="choices">
          <legend>Preferred regions (none ticked: no preference)</legend>
          {ticks(
            'regions',
            'region',
            REGION_ORDER.map((r) => [r, r]),
          )}
          {errorText('regions')}
        </fieldset>
        <div class="fields">
          {field({
            name: 'states',
            label: 'Preferred states',
            help: 'Two-letter codes separated by commas, e.g. NY, TX. Preferred programs break ties in the plan.',
          })}
          {field({
            name: 'budget',
            label: 'Budget for application fees (US dollars)',
            help: 'Optional. The plan says whether its ERAS and NRMP fees fit.',
            numeric: true,
          })}
        </div>
      </fieldset>
    </form>
  );
}
