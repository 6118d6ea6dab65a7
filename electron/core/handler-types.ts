import type { MethodName, MethodOutput, ParsedInput } from '../../shared/api/contract';
import type { OperationProgress } from '../../shared/schemas/operations';

/** Who is calling and when: every event a handler writes records the seat. */
export interface CallContext {
  /** The staff seat or workstation, e.g. `back-office`. */
  seat: string;
  /** The clock, injectable for tests of expiry and time zones. */
  now: () => number;
  /** Long work reports how far it is here; set when the call names an operationId (see operations.progress). */
  progress?: (progress: OperationProgress) => void;
}

export type Handler<K extends MethodName> = (
  input: ParsedInput<K>,
  ctx: CallContext,
) => MethodOutput<K> | Promise<MethodOutput<K>>;

/** The full handler map: one handler per contract method, checked by the compiler. */
export type Handlers = { [K in MethodName]: Handler<K> };

/** A domain module's share of the map. */
export type HandlersFor<K extends MethodName> = { [P in K]: Handler<P> };
