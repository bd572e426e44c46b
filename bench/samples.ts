/** The requests the benchmark sends: an Indian engineer with a spouse and a 4-year-old moving to Aarhus. */
export const SAMPLE_PLAN_REQUEST = {
  citizenships: ['IN'],
  purpose: 'work',
  stay: 'over-6-months',
  hasResidencePermit: true,
  residencePermitDate: '2026-10-01',
  arrivalDate: '2027-01-10',
  moveInDate: '2027-01-12',
  postalCode: '8000',
  partner: true,
  childrenAges: [4],
} as const;

export const SAMPLE_PLAN_QUERY =
  'citizenship=IN&purpose=work&stay=over-6-months&permit=yes&permitDate=2026-10-01&arrival=2027-01-10&moveIn=2027-01-12'
  + '&postcode=8000&partner=yes&children=yes&age=4';
