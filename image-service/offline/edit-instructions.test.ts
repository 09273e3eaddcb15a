import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import { parseEditInstruction, type EditOperation } from './edit-instructions.js';

const grey: EditOperation = { kind: 'grayscale' };

describe('parseEditInstruction', () => {
  it.each<[string, EditOperation[]]>([
    ['make it black and white', [grey]],
    ['B&W please', [grey]],
    ['convert to grayscale', [grey]],
    ['monochrome', [grey]],
    ['en blanco y negro', [grey]],
    ['noir et blanc', [grey]],
    ['schwarz-weiß bitte', [grey]],
    ['give it a sepia look', [{ kind: 'sepia' }]],
    ['invert the colours', [{ kind: 'invert' }]],
    ['make it brighter', [{ kind: 'brightness', factor: 1.3 }]],
    ['a bit brighter', [{ kind: 'brightness', factor: 1.15 }]],
    ['more bright', [{ kind: 'brightness', factor: 1.3 }]],
    ["it's too dark", [{ kind: 'brightness', factor: 1.3 }]],
    ['make it darker', [{ kind: 'brightness', factor: 0.75 }]],
    ['less bright', [{ kind: 'brightness', factor: 0.75 }]],
    ['much darker', [{ kind: 'brightness', factor: 0.55 }]],
    ['plus clair', [{ kind: 'brightness', factor: 1.3 }]],
    ['warmer tones', [{ kind: 'temperature', shift: 0.12 }]],
    ['cool it down', [{ kind: 'temperature', shift: -0.12 }]],
    ['more saturated', [{ kind: 'saturation', factor: 1.45 }]],
    ['less saturated', [{ kind: 'saturation', factor: 0.6 }]],
    ['desaturate it', [{ kind: 'saturation', factor: 0.6 }]],
    ['blur the background', [{ kind: 'blur', strength: 1 }]],
    ['make it less blurry', [{ kind: 'sharpen', strength: 1 }]],
    ['sharpen it', [{ kind: 'sharpen', strength: 1 }]],
    ['rotate it', [{ kind: 'rotate', degrees: 90 }]],
    ['rotate 90 degrees to the left', [{ kind: 'rotate', degrees: 270 }]],
    ['rotate it right', [{ kind: 'rotate', degrees: 90 }]],
    ['rotate by 180°', [{ kind: 'rotate', degrees: 180 }]],
    ['turn it upside down', [{ kind: 'rotate', degrees: 180 }]],
    ['gira la imagen 90 grados a la izquierda', [{ kind: 'rotate', degrees: 270 }]],
    ['flip it', [{ kind: 'flip', direction: 'horizontal' }]],
    ['mirror the picture', [{ kind: 'flip', direction: 'horizontal' }]],
    ['flip it vertically', [{ kind: 'flip', direction: 'vertical' }]],
    ['flip upside down', [{ kind: 'flip', direction: 'vertical' }]],
    ['crop to 16:9', [{ kind: 'crop', ratio: { width: 16, height: 9 } }]],
    ['make it square', [{ kind: 'crop', ratio: { width: 1, height: 1 } }]],
    ['portrait 4:5', [{ kind: 'crop', ratio: { width: 4, height: 5 } }]],
    ['portrait 16:9', [{ kind: 'crop', ratio: { width: 9, height: 16 } }]],
    ['crop it to a widescreen', [{ kind: 'crop', ratio: { width: 16, height: 9 } }]],
    ['crop to portrait', [{ kind: 'crop', ratio: { width: 4, height: 5 } }]],
    [
      'make it black and white, then rotate it left and crop to 1:1',
      [grey, { kind: 'rotate', degrees: 270 }, { kind: 'crop', ratio: { width: 1, height: 1 } }],
    ],
    ['crop to 3:2 and then make it warmer', [{ kind: 'crop', ratio: { width: 3, height: 2 } }, { kind: 'temperature', shift: 0.12 }]],
    ['blur it slightly and make it much brighter', [{ kind: 'blur', strength: 0.5 }, { kind: 'brightness', factor: 1.54 }]],
  ])('%s', (instruction, operations) => {
    expect(parseEditInstruction(instruction)).toEqual(operations.map((op) => expect.objectContaining(roughly(op))));
  });

  it.each(['make it better', 'add a dog', 'turn it into a painting', 'rotate it 45 degrees', '', 'crop it'])(
    '"%s" is not an edit it can make',
    (instruction) => {
      let thrown: unknown;
      try {
        parseEditInstruction(instruction);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(AppError);
      expect((thrown as AppError).code).toBe('invalid_request');
      expect((thrown as AppError).message).toMatch(/black and white.*brighter.*rotate.*crop/);
    },
  );
});

/** Factors are floats: compare them to two places. */
function roughly(op: EditOperation): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(op).map(([key, value]) => [key, typeof value === 'number' && !Number.isInteger(value) ? expect.closeTo(value, 2) : value]),
  );
}
