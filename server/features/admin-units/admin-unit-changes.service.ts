import { formatDateVi } from '../../../domain/text/format.js';
import { foldVietnamese } from '../../../domain/text/fold.js';
import { isValidOn } from '../../../domain/admin-units/dates.js';
import { planPeriodChange } from '../../../domain/admin-units/periods.js';
import type { PeriodReason } from '../../../domain/admin-units/constants.js';
import type {
  ChangeUnitTypeInput,
  CreateHamletInput,
  RenameUnitInput,
  UnitDetail,
} from '../../../domain/admin-units/schemas.js';
import { isTypeValidForLevel, renameForTypeChange } from '../../../domain/admin-units/unit-types.js';
import type { Db } from '../../db/database.js';
import type { AdminUnit } from '../../db/tables.js';
import { AppError } from '../../errors.js';
import { requireRole, type Actor } from '../../policies/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { canAddHamletUnder, canEditUnit } from './admin-units.policy.js';
import { adminUnitWrites } from './admin-units.repository.js';
import type { AdminUnitsService } from './admin-units.service.js';

/**
 * Changes to the tree: new hamlets, renames and type changes. A change never rewrites history: the current period is
 * closed the day before the effective date and a new one opened, the unit row is set to the new current state, and
 * an audit entry with before/after is written in the same transaction.
 */
export function adminUnitChangesService(handle: Db, now: () => Date, reads: AdminUnitsService) {
  /** The unit after the 404, 403-scope and 403-role checks that every change starts with. */
  async function loadEditable(actor: Actor, id: number): Promise<AdminUnit> {
    requireRole(actor, 'city_admin', 'commune_officer');
    const { unit } = await reads.loadInScope(actor, id);
    if (!canEditUnit(actor, unit)) throw new AppError('FORBIDDEN');
    return unit;
  }

  async function applyChange(
    actor: Actor,
    unit: AdminUnit,
    effectiveDate: string,
    change: (current: { name: string; type: string }) => { name: string; type: string },
    reason: PeriodReason,
    ip: string | null,
  ): Promise<void> {
    await handle.db.transaction().execute(async (trx) => {
      const writes = adminUnitWrites(trx);
      const current = await writes.lastPeriod(unit.id);
      const next = change(current);
      if (next.name === current.name && next.type === current.type) throw new AppError('UNIT_UNCHANGED');
      const plan = planPeriodChange(current, unit, effectiveDate, next, reason);
      if (!plan.ok) {
        if (plan.error === 'CHANGE_DATE_NOT_AFTER_CURRENT') {
          throw new AppError(
            'UNIT_CHANGE_DATE_INVALID',
            { field: 'effectiveDate' },
            { date: formatDateVi(current.validFrom) },
          );
        }
        throw new AppError(
          'UNIT_NOT_VALID_ON_DATE',
          { field: 'effectiveDate' },
          { date: formatDateVi(effectiveDate) },
        );
      }
      const nameFolded = foldVietnamese(next.name);
      if (
        unit.level === 'hamlet' &&
        current.parentId !== null &&
        next.name !== current.name &&
        (await writes.isNameTakenUnder(current.parentId, nameFolded, effectiveDate, unit.id))
      ) {
        throw new AppError('UNIT_NAME_TAKEN', { field: 'name' }, { name: next.name });
      }
      await writes.endPeriod(current.id, plan.closed.validTo!);
      await writes.insertPeriod({ ...plan.opened, unitId: unit.id, nameFolded });
      await writes.setCurrentState(unit.id, {
        name: next.name,
        nameFolded,
        type: next.type,
        updatedAt: now().toISOString(),
      });
      await recordAudit(trx, {
        actor,
        action: reason === 'renamed' ? 'units.rename' : 'units.change_type',
        entity: 'admin_unit',
        entityId: unit.id,
        before: { name: current.name, type: current.type, validFrom: current.validFrom },
        after: { name: next.name, type: next.type, validFrom: effectiveDate },
        ip,
        at: now().toISOString(),
      });
    });
  }

  return {
    async rename(actor: Actor, id: number, input: RenameUnitInput, ip: string | null): Promise<UnitDetail> {
      const unit = await loadEditable(actor, id);
      const name = input.name.normalize('NFC');
      await applyChange(
        actor,
        unit,
        input.effectiveDate,
        (current) => ({ name, type: current.type }),
        'renamed',
        ip,
      );
      return reads.detail(actor, id, input.effectiveDate);
    },

    /** Changes the type (e.g. ấp → khu phố) and swaps the type word at the front of the name to match. */
    async changeType(
      actor: Actor,
      id: number,
      input: ChangeUnitTypeInput,
      ip: string | null,
    ): Promise<UnitDetail> {
      const unit = await loadEditable(actor, id);
      if (!isTypeValidForLevel(input.type, unit.level)) {
        throw new AppError('UNIT_TYPE_INVALID', { field: 'type' }, { type: input.type, level: unit.level });
      }
      await applyChange(
        actor,
        unit,
        input.effectiveDate,
        (current) => ({
          name: isTypeValidForLevel(current.type, unit.level)
            ? renameForTypeChange(current.name, current.type, input.type)
            : current.name,
          type: input.type,
        }),
        'type_changed',
        ip,
      );
      return reads.detail(actor, id, input.effectiveDate);
    },

    /**
     * Adds a hamlet-level unit under a ward or commune. It cannot outlive its parent: under a ward that ended on
     * 30/06/2025 it ends then too (moving it into the successor ward is a separate change).
     */
    async createHamlet(actor: Actor, input: CreateHamletInput, ip: string | null): Promise<UnitDetail> {
      requireRole(actor, 'city_admin', 'commune_officer');
      const { unit: parent } = await reads.loadInScope(actor, input.parentId);
      if (!canAddHamletUnder(actor, parent))
        throw new AppError('UNIT_PARENT_INVALID', { field: 'parentId' }, { level: 'hamlet' });
      if (!isValidOn(parent, input.validFrom)) {
        throw new AppError(
          'UNIT_NOT_VALID_ON_DATE',
          { field: 'validFrom' },
          { date: formatDateVi(input.validFrom) },
        );
      }
      const name = input.name.normalize('NFC');
      const nameFolded = foldVietnamese(name);
      const localCode = input.localCode?.normalize('NFC') ?? null;
      const id = await handle.db.transaction().execute(async (trx) => {
        const writes = adminUnitWrites(trx);
        if (localCode !== null && (await writes.isLocalCodeTaken(parent.id, localCode))) {
          throw new AppError('UNIT_CODE_TAKEN', { field: 'localCode' }, { code: localCode });
        }
        if (await writes.isNameTakenUnder(parent.id, nameFolded, input.validFrom)) {
          throw new AppError('UNIT_NAME_TAKEN', { field: 'name' }, { name });
        }
        const at = now().toISOString();
        const span = { validFrom: input.validFrom, validTo: parent.validTo };
        const unitId = await writes.insertUnit({
          level: 'hamlet',
          code: null,
          localCode,
          name,
          nameFolded,
          type: input.type,
          parentId: parent.id,
          ...span,
          createdAt: at,
          updatedAt: at,
        });
        await writes.insertPeriod({
          unitId,
          name,
          nameFolded,
          type: input.type,
          parentId: parent.id,
          ...span,
          reason: 'created',
        });
        await recordAudit(trx, {
          actor,
          action: 'units.create',
          entity: 'admin_unit',
          entityId: unitId,
          after: { name, type: input.type, parentId: parent.id, localCode, ...span },
          ip,
          at,
        });
        return unitId;
      });
      return reads.detail(actor, id, input.validFrom);
    },
  };
}
