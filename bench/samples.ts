/** The requests the benchmark sends: an Indian engineer with a spouse and a 4-year-old moving to Aarhus. */
export const SAMPLE_PLAN_REQUEST = {
  citizenships: ['IN'],
  movingFrom: 'IN',
  purpose: 'work',
  scheme: 'pay-limit',
  profession: 'none',
  stay: 'over-6-months',
  hasResidencePermit: true,
  residencePermitDate: '2026-10-01',
  arrivalDate: '2027-01-10',
  moveInDate: '2027-01-12',
  postalCode: '8000',
  partner: true,
  partnerCitizenships: ['IN'],
  childrenAges: [4],
} as const;

export const SAMPLE_PLAN_QUERY =
  'citizenship=IN&movingFrom=IN&purpose=work&scheme=pay-limit&profession=none&stay=over-6-months&permit=yes&permitDate=2026-10-01'
  + '&arrival=2027-01-10&moveIn=2027-01-12&postcode=8000&partner=yes&partnerCitizenship=IN&children=yes&age=4';

/**
 * The booking benchmark: every client races for the first free slots of this office and service (bench/booking.yaml
 * gives them 100 places per slot), one person per booking, each booking with an e-mail of its own.
 */
export const SAMPLE_BOOKING = {
  officeId: 'ics-copenhagen',
  service: 'cpr-registration',
  people: 1,
  name: 'Priya Sharma',
  language: 'en',
  /** How many of the first free slots the clients race for. */
  raceSlots: 5,
} as const;

/** The free times of the sample office and service for the sample party, over the whole 13 weeks. */
export const SAMPLE_AVAILABILITY_PATH =
  `/api/v1/offices/${SAMPLE_BOOKING.officeId}/availability?service=${SAMPLE_BOOKING.service}&people=${SAMPLE_BOOKING.people}`;
