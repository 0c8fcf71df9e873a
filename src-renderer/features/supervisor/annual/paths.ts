/** Where the supervisor's 年度考核评语 screens live (under the hash router). */
export const annualPaths = {
  list: (year: number) => `/supervisor/annual?year=${year}`,
  person: (personId: string, year: number) => `/supervisor/annual/${encodeURIComponent(personId)}/${year}`,
};
