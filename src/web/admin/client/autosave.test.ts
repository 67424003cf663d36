import { describe, expect, it } from 'vitest';
import { clockTime, savedMessage } from './autosave.js';

describe('the autosave status', () => {
  const at = new Date(2025, 2, 12, 9, 5, 59);

  it('shows the time as HH:MM with Western digits', () => {
    expect(clockTime(at)).toBe('09:05');
  });

  it('fills {time} in a label that has it', () => {
    expect(savedMessage('حُفظت المسودة تلقائياً الساعة {time}', at)).toBe(
      'حُفظت المسودة تلقائياً الساعة 09:05',
    );
  });

  it('puts the time after a label written to be followed by it', () => {
    expect(savedMessage('حُفظت المسودة تلقائياً في', at)).toBe('حُفظت المسودة تلقائياً في 09:05');
    expect(savedMessage('Draft autosaved at', at)).toBe('Draft autosaved at 09:05');
  });
});
