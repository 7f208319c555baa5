import { createRng } from '@tethys/data';
import { createSeededIdGenerator, createSequentialIdGenerator, randomIdGenerator } from './ids-and-clock';
import { validateMemoryId } from './validation';

describe('id generators', () => {
  it('sequential ids count up with a prefix', () => {
    const next = createSequentialIdGenerator('chat', 9);
    expect([next(), next()]).toEqual(['chat000009', 'chat000010']);
  });

  it('seeded ids are UUID-v4 shaped, repeat for the same seed, and are valid memory ids', () => {
    const a = createSeededIdGenerator(createRng(11));
    const b = createSeededIdGenerator(createRng(11));
    const ids = Array.from({ length: 50 }, () => a());
    expect(Array.from({ length: 50 }, () => b())).toEqual(ids);
    expect(new Set(ids).size).toBe(50);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(validateMemoryId(id)).toBe(id);
    }
  });

  it('the default ids are valid memory ids', () => {
    expect(validateMemoryId(randomIdGenerator())).toMatch(/^[0-9a-f-]{36}$/);
  });
});
