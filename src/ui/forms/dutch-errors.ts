import type { z } from 'zod'

type Issue = z.core.$ZodRawIssue

/**
 * Dutch messages for what zod finds wrong in a form. Messages a schema sets itself (its refine
 * texts, already Dutch) take precedence over these.
 */
export function dutchError(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return 'Vul dit veld in.'
      if (issue.expected === 'number') return 'Vul een getal in.'
      if (issue.expected === 'int') return 'Vul een geheel getal in.'
      return 'Deze waarde klopt niet.'
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? 'Vul dit veld in.'
          : `Vul minstens ${issue.minimum} tekens in.`
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return Number(issue.minimum) <= 1
          ? 'Kies er ten minste één.'
          : `Kies er ten minste ${issue.minimum}.`
      }
      return `Vul ${issue.inclusive ? 'minstens' : 'meer dan'} ${issue.minimum} in.`
    case 'too_big':
      if (issue.origin === 'string') return `Gebruik hoogstens ${issue.maximum} tekens.`
      if (issue.origin === 'array' || issue.origin === 'set')
        return `Kies er hoogstens ${issue.maximum}.`
      return `Vul ${issue.inclusive ? 'hoogstens' : 'minder dan'} ${issue.maximum} in.`
    case 'invalid_value':
      return 'Kies een van de mogelijkheden.'
    case 'invalid_format':
      return issue.format === 'date'
        ? 'Vul een geldige datum in (dag, maand, jaar).'
        : 'Deze waarde heeft niet de goede vorm.'
    case 'unrecognized_keys':
      return 'Dit veld hoort hier niet.'
    default:
      return 'Deze waarde klopt niet.'
  }
}
