/** What opening a round takes: the server's use case and the web's form send the same shape. */
export interface CreateRoundInput {
  name: string;
  /** ISO date the hamlets are assessed as of. */
  assessmentDate: string;
  criteriaSetId: number;
  /** ISO date; submissions close at its end, Vietnam time. */
  deadline: string;
  wardIds: number[];
}
