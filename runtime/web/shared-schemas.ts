/** The project's shared schemas (definitions/schemas), bundled so MatterForm can inline the forms' `$ref`s to them. */
import address from '../../definitions/schemas/address.json' with { type: 'json' };
import divisionCode from '../../definitions/schemas/division-code.json' with { type: 'json' };
import idNumber from '../../definitions/schemas/id-number.json' with { type: 'json' };
import mobilePhone from '../../definitions/schemas/mobile-phone.json' with { type: 'json' };

export const sharedSchemas: readonly object[] = [address, divisionCode, idNumber, mobilePhone];
