import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  assertFails,
  assertSucceeds,
  initializeTestEnvironment,
  type RulesTestEnvironment,
} from '@firebase/rules-unit-testing';
import { deleteApp, initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { collection, deleteDoc, doc, getDoc, getDocs, setDoc, setLogLevel, updateDoc, vector } from 'firebase/firestore';
import { emulatorHostAndPort } from '../../testing/emulator-host';
import { FirestoreMemoryPersistence } from './firestore-memory-persistence';

const PROJECT_ID = 'tethys-memory-rules';
const RULES = readFileSync(path.resolve(__dirname, '../../../firestore.rules'), 'utf8');

function validMemory(text = 'Remember: rebalance the portfolio quarterly') {
  return { text, createdAt: 1_700_000_000_000, embedderHash: 'abc123', dim: 3, metadata: { source: 'chat' }, embedding: vector([0.6, 0.8, 0]) };
}

describe('firestore.rules on the emulator', () => {
  let env: RulesTestEnvironment;

  beforeAll(async () => {
    // The denied requests below are expected; the client SDK would log each one as an error.
    setLogLevel('silent');
    // The rules go in through rules-unit-testing's loadFirestoreRules endpoint, not --rules at start.
    env = await initializeTestEnvironment({ projectId: PROJECT_ID, firestore: { ...emulatorHostAndPort(), rules: RULES } });
  });
  afterAll(async () => {
    await env.cleanup();
  });
  beforeEach(async () => {
    await env.clearFirestore();
    await env.withSecurityRulesDisabled(async (context) => {
      await setDoc(doc(context.firestore(), 'users/bob/memories/b1'), validMemory('bob private note'));
      await setDoc(doc(context.firestore(), 'users/alice'), { plan: 'free' });
    });
  });

  it('lets a user create, read, list, update and delete their own memories', async () => {
    const alice = env.authenticatedContext('alice').firestore();
    const ref = doc(alice, 'users/alice/memories/a1');
    await assertSucceeds(setDoc(ref, validMemory()));
    await assertSucceeds(getDoc(ref));
    await assertSucceeds(getDocs(collection(alice, 'users/alice/memories')));
    await assertSucceeds(updateDoc(ref, { text: 'an edited note' }));
    await assertSucceeds(deleteDoc(ref));
  });

  it("denies another user's memories for read, list and write", async () => {
    const alice = env.authenticatedContext('alice').firestore();
    await assertFails(getDoc(doc(alice, 'users/bob/memories/b1')));
    await assertFails(getDocs(collection(alice, 'users/bob/memories')));
    await assertFails(setDoc(doc(alice, 'users/bob/memories/a1'), validMemory()));
    await assertFails(deleteDoc(doc(alice, 'users/bob/memories/b1')));
  });

  it('denies everything to an unauthenticated client', async () => {
    const anonymous = env.unauthenticatedContext().firestore();
    await assertFails(getDoc(doc(anonymous, 'users/bob/memories/b1')));
    await assertFails(setDoc(doc(anonymous, 'users/bob/memories/x'), validMemory()));
  });

  it('denies the users/{uid} document itself and any other collection, even to the owner', async () => {
    const alice = env.authenticatedContext('alice').firestore();
    await assertFails(getDoc(doc(alice, 'users/alice')));
    await assertFails(setDoc(doc(alice, 'users/alice'), { plan: 'pro' }));
    await assertFails(setDoc(doc(alice, 'notes/n1'), { text: 'hello' }));
    await assertFails(setDoc(doc(alice, 'users/alice/memories/a1/extra/x'), { text: 'nested' }));
  });

  it.each([
    ['an empty text', { ...validMemory(), text: '' }],
    ['a whitespace-only text', { ...validMemory(), text: '   ' }],
    ['a text over 8000 characters', { ...validMemory(), text: 'x'.repeat(8001) }],
    ['a non-string text', { ...validMemory(), text: 42 }],
    ['no createdAt', { text: 'note', embedderHash: 'abc' }],
    ['an unknown field', { ...validMemory(), owner: 'bob' }],
    ['a non-map metadata', { ...validMemory(), metadata: 'flat' }],
    ['a string createdAt', { ...validMemory(), createdAt: 'today' }],
  ])('refuses a write with %s', async (_label, data) => {
    const alice = env.authenticatedContext('alice').firestore();
    await assertFails(setDoc(doc(alice, 'users/alice/memories/a1'), data));
  });

  it('accepts a text of exactly 8000 characters', async () => {
    const alice = env.authenticatedContext('alice').firestore();
    await assertSucceeds(setDoc(doc(alice, 'users/alice/memories/a1'), validMemory('y'.repeat(8000))));
  });

  it('a memory a client wrote under the rules reads back through FirestoreMemoryPersistence', async () => {
    const alice = env.authenticatedContext('alice').firestore();
    await assertSucceeds(setDoc(doc(alice, 'users/alice/memories/a1'), validMemory()));
    const app = initializeApp({ projectId: PROJECT_ID }, 'rules-layout-check');
    const persistence = new FirestoreMemoryPersistence({ firestore: getFirestore(app) });
    try {
      const stored = await persistence.get('alice', 'a1');
      expect(stored).toMatchObject({ id: 'a1', userId: 'alice', text: validMemory().text, embedderHash: 'abc123', metadata: { source: 'chat' } });
      expect(Array.from(stored?.vector ?? [])).toEqual([Math.fround(0.6), Math.fround(0.8), 0]);
    } finally {
      await persistence.close();
      await deleteApp(app);
    }
  });
});
