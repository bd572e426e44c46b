/**
 * The people who move, each with what the rules look at for them: the person who answers, a partner, and each child.
 * A child holds the most favourable citizenship group of the two parents (a child of an EU citizen is one).
 */
import { GROUPS, type Group, type Purpose } from './answers.js';
import type { Person, PersonProfile, Profile } from './profile.js';

/**
 * Under asylum and the Ukraine Special Act each family member has the person's own basis, and the children of a
 * person reunified with family are reunified too; otherwise a partner and children come as accompanying family.
 */
function familyPurpose(purpose: Purpose): Purpose {
  return purpose === 'refugee' || purpose === 'ukraine-special-act' || purpose === 'family-reunification' ? purpose : 'accompanying-family';
}

function bestGroup(a: Group, b: Group): Group {
  return GROUPS[Math.min(GROUPS.indexOf(a), GROUPS.indexOf(b))] ?? a;
}

export function household(profile: Profile): PersonProfile[] {
  const main = { group: profile.group, purpose: profile.purpose };
  const people: PersonProfile[] = [{ ...profile, person: { role: 'self', index: 0 }, main }];
  const partnerGroup = profile.partner === true ? profile.partnerGroup ?? profile.group : undefined;
  if (partnerGroup) {
    people.push({ ...profile, group: partnerGroup, purpose: familyPurpose(profile.purpose), person: { role: 'partner', index: 0 }, main });
  }
  const childGroup = partnerGroup ? bestGroup(profile.group, partnerGroup) : profile.group;
  profile.childrenAges.forEach((age, i) => {
    people.push({ ...profile, group: childGroup, purpose: familyPurpose(profile.purpose), person: { role: 'child', index: i + 1, age }, main });
  });
  return people;
}

/** A step's key in a plan: its id for the person who answers, `id@partner` or `id@child-2` for a family member. */
export function stepKey(id: string, person: Person): string {
  if (person.role === 'self') return id;
  return person.role === 'partner' ? `${id}@partner` : `${id}@child-${person.index}`;
}
