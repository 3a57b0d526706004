/**
 * The profile form in six sections (anchors exams, visa, experience, letters, research, preferences).
 * Every value is kept as typed; the engine turns it into a profile and its messages show inline.
 */
import { For, Show } from 'solid-js';
import { REGION_ORDER } from '../../engine/dataset';
import type { ProfileForm, ProfileFormField } from '../../engine/profile-form';

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
  /** Digits keyboard on phones. */
  numeric?: boolean;
  width?: 'short';
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
        width: 'short',
      },
      {
        name: 'step2Attempts',
        label: 'Step 2 CK attempts',
        help: '1 if you passed on the first attempt.',
        numeric: true,
        width: 'short',
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
        width: 'short',
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
      { name: 'handsOn', label: 'Hands-on electives or sub-internships', numeric: true, width: 'short' },
      { name: 'externship', label: 'Externships', numeric: true, width: 'short' },
      { name: 'observership', label: 'Observerships', numeric: true, width: 'short' },
      { name: 'usResearch', label: 'Research in the US', numeric: true, width: 'short' },
    ],
  },
  {
    id: 'letters',
    title: 'US letters of recommendation',
    chapter: 'letters',
    chapterTitle: 'Letters of recommendation',
    intro: 'Letters from US faculty you can count on, by specialty.',
    fields: [
      { name: 'lettersIr', label: 'From interventional radiologists', numeric: true, width: 'short' },
      { name: 'lettersDr', label: 'From diagnostic radiologists', numeric: true, width: 'short' },
      {
        name: 'lettersOther',
        label: 'From other core specialties',
        help: 'Medicine, surgery and the like.',
        numeric: true,
        width: 'short',
      },
    ],
  },
  {
    id: 'research',
    title: 'Research and distinctions',
    chapter: 'cv',
    chapterTitle: 'Building an IR-centered CV',
    fields: [
      { name: 'irPublications', label: 'IR or imaging publications', numeric: true, width: 'short' },
      { name: 'otherPublications', label: 'Other publications', numeric: true, width: 'short' },
      { name: 'abstracts', label: 'Abstracts, posters and presentations', numeric: true, width: 'short' },
      {
        name: 'honours',
        label: 'Honours and leadership roles',
        help: 'Awards, distinctions, leading a group or a project.',
        numeric: true,
        width: 'short',
      },
    ],
  },
];

/** The form. */
export default function ProfileFormView(props: Props) {
  const errorId = (name: string) => `pf-${name}-error`;
  const helpId = (name: string) => `pf-${name}-help`;
  const describedBy = (name: ProfileFormField, help: boolean) =>
    [help ? helpId(name) : '', props.errors[name] ? errorId(name) : ''].filter(Boolean).join(' ') || undefined;

  const ErrorText = (p: { name: ProfileFormField }) => (
    <Show when={props.errors[p.name]}>
      {(message) => (
        <p class="field-error" id={errorId(p.name)}>
          {message()}
        </p>
      )}
    </Show>
  );

  const Field = (p: { spec: FieldSpec }) => {
    const s = p.spec;
    const id = `pf-${s.name}`;
    const invalid = () => (props.errors[s.name] ? 'true' : undefined);
    const described = () => describedBy(s.name, s.help !== undefined);
    return (
      <div class="field">
        <label for={id}>{s.label}</label>
        <Show when={s.help}>
          <p class="field-help" id={helpId(s.name)}>
            {s.help}
          </p>
        </Show>
        <Show
          when={s.options}
          fallback={
            <input
              id={id}
              aria-invalid={invalid()}
              aria-describedby={described()}
              name={s.name}
              type="text"
              class={s.width === 'short' ? 'short' : undefined}
              inputmode={s.numeric ? 'decimal' : undefined}
              autocomplete="off"
              maxLength={s.name === 'states' ? 400 : 20}
              value={props.form[s.name]}
              onInput={(e) => props.onChange({ [s.name]: e.currentTarget.value })}
            />
          }
        >
          {(options) => (
            <select
              id={id}
              aria-invalid={invalid()}
              aria-describedby={described()}
              name={s.name}
              onChange={(e) => props.onChange({ [s.name]: e.currentTarget.value })}
            >
              <For each={options()}>
                {([value, label]) => (
                  <option value={value} selected={props.form[s.name] === value}>
                    {label}
                  </option>
                )}
              </For>
            </select>
          )}
        </Show>
        <ErrorText name={s.name} />
      </div>
    );
  };

  const toggle = (key: 'tracks' | 'regions', value: string, on: boolean) => {
    const current = props.form[key];
    const next = on ? [...current.filter((v) => v !== value), value] : current.filter((v) => v !== value);
    props.onChange({ [key]: next });
  };

  const GuideLink = (p: { chapter: string; title: string }) => (
    <p class="section-guide">
      Guide: <a href={`${props.base}guide/${p.chapter}/`}>{p.title}</a>
    </p>
  );

  return (
    <form class="profile-form" aria-label="Your profile" onSubmit={(e) => e.preventDefault()}>
      <p class="muted form-intro">
        Changes apply as you type and are kept in this browser only. No name or contact details are asked for.
      </p>
      <For each={SECTIONS}>
        {(section) => (
          <fieldset id={section.id} class="form-section">
            <legend>{section.title}</legend>
            <GuideLink chapter={section.chapter} title={section.chapterTitle} />
            <Show when={section.intro}>
              <p class="field-help">{section.intro}</p>
            </Show>
            <div class="fields">
              <For each={section.fields}>{(spec) => <Field spec={spec} />}</For>
            </div>
          </fieldset>
        )}
      </For>
      <fieldset id="preferences" class="form-section">
        <legend>Tracks, places and budget</legend>
        <GuideLink chapter="targeting" title="Targeting programs" />
        <fieldset
          class="choices"
          aria-describedby={props.errors.tracks ? errorId('tracks') : undefined}
          aria-invalid={props.errors.tracks ? 'true' : undefined}
        >
          <legend>Tracks you are applying to</legend>
          <For
            each={
              [
                ['ir-integrated', 'IR–Integrated'],
                ['dr', 'Diagnostic Radiology (DR)'],
              ] as const
            }
          >
            {([value, label]) => (
              <div class="check">
                <input
                  id={`pf-track-${value}`}
                  type="checkbox"
                  checked={props.form.tracks.includes(value)}
                  onChange={(e) => toggle('tracks', value, e.currentTarget.checked)}
                />
                <label for={`pf-track-${value}`}>{label}</label>
              </div>
            )}
          </For>
          <ErrorText name="tracks" />
        </fieldset>
        <fieldset class="choices">
          <legend>Preferred regions (none ticked: no preference)</legend>
          <For each={REGION_ORDER}>
            {(region) => (
              <div class="check">
                <input
                  id={`pf-region-${region}`}
                  type="checkbox"
                  checked={props.form.regions.includes(region)}
                  onChange={(e) => toggle('regions', region, e.currentTarget.checked)}
                />
                <label for={`pf-region-${region}`}>{region}</label>
              </div>
            )}
          </For>
          <ErrorText name="regions" />
        </fieldset>
        <div class="fields">
          <Field
            spec={{
              name: 'states',
              label: 'Preferred states',
              help: 'Two-letter codes separated by commas, e.g. NY, TX. Preferred programs break ties in the plan.',
            }}
          />
          <Field
            spec={{
              name: 'budget',
              label: 'Budget for application fees (US dollars)',
              help: 'Optional. The plan says whether its ERAS and NRMP fees fit.',
              numeric: true,
              width: 'short',
            }}
          />
        </div>
      </fieldset>
    </form>
  );
}
