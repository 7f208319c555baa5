import type { Rng } from '@tethys/data';
import { MONTHS, money, ordinal, pick } from './template';
import * as v from './vocabulary';

export type MemoryKind =
  | 'bill'
  | 'debt'
  | 'goal'
  | 'income'
  | 'account'
  | 'preference'
  | 'risk'
  | 'merchant'
  | 'family'
  | 'date';

/** What the generator knows about a user before writing any memory, so memories agree with each other. */
export interface UserProfile {
  readonly userId: string;
  readonly employer: string;
  readonly bank: string;
  readonly housing: 'rent' | 'own';
  readonly relationship: 'single' | 'engaged' | 'married';
  /** Name used by partner memories; unused when single. */
  readonly partner: string;
  readonly hasChild: boolean;
  readonly child: string;
  readonly childAge: number;
}

/**
 * One thing a user can tell the co-pilot. `statements` are how the user said it
 * (stored as the memory), `queries` are later questions that need it, written
 * with different words (paraphrases, not copies). A user has at most one memory
 * per topic, so within a user every query has exactly one right answer.
 */
export interface MemoryTopic {
  readonly key: string;
  readonly kind: MemoryKind;
  readonly slots: (rng: Rng, user: UserProfile) => Record<string, string>;
  /** Topics that only make sense for some users (a mortgage needs a home owner). */
  readonly applies?: (user: UserProfile) => boolean;
  readonly statements: readonly string[];
  readonly queries: readonly string[];
}

const day = (rng: Rng) => ordinal(1 + rng.int(28));
const renter = (user: UserProfile) => user.housing === 'rent';
const owner = (user: UserProfile) => user.housing === 'own';
const parent = (user: UserProfile) => user.hasChild;
const partnered = (user: UserProfile) => user.relationship !== 'single';
const month = (rng: Rng) => pick(rng, MONTHS);

export const MEMORY_TOPICS: readonly MemoryTopic[] = [
  // Bills.
  {
    key: 'bill.rent',
    applies: renter,
    kind: 'bill',
    slots: (rng) => ({ amount: money(rng, 1200, 3400, 25), day: day(rng), landlord: pick(rng, v.LANDLORDS) }),
    statements: [
      'My rent is {amount} a month, due on the {day}, paid to {landlord}.',
      'I pay {landlord} {amount} [every month|monthly] for rent; it is due on the {day}.',
    ],
    queries: ['how much do I pay [for housing|to my landlord] each month', 'when is [the rent|my apartment payment] due', 'what do I owe {landlord} monthly', "what's the rent amount", 'remind me of the [monthly|regular] rent payment'],
  },
  {
    key: 'bill.electricity',
    kind: 'bill',
    slots: (rng) => ({ amount: money(rng, 45, 220, 5), provider: pick(rng, v.ELECTRIC), day: day(rng) }),
    statements: [
      'Electricity from {provider} runs about {amount} a month and autopays on the {day}.',
      'My {provider} power bill is usually around {amount}, charged on the {day}.',
    ],
    queries: ['[what is|how big is] my [electric|power] bill', 'when does the {provider} payment come out', 'average monthly cost of electricity', '[electricity|power] cost estimate', 'which utility supplies my electricity'],
  },
  {
    key: 'bill.gas-utility',
    kind: 'bill',
    slots: (rng) => ({ amount: money(rng, 30, 160, 5), provider: pick(rng, v.GAS_UTILITIES) }),
    statements: ['Heating gas from {provider} is roughly {amount} a month, more in winter.', 'I pay {provider} about {amount} monthly for natural gas.'],
    queries: ['how much [is|do I spend on] the heating bill', 'what do I pay {provider}', 'natural gas utility cost per month', 'who is my gas company', 'what does heating the house cost'],
  },
  {
    key: 'bill.internet',
    kind: 'bill',
    slots: (rng) => ({ amount: money(rng, 40, 120, 5), provider: pick(rng, v.INTERNET) }),
    statements: ['Home internet is {provider} at {amount} per month.', 'I pay {amount} a month for {provider} broadband.'],
    queries: ['who is my [internet|wifi] provider', 'how much does broadband cost me', 'monthly charge for home wifi', 'how much am I paying {provider}', 'cost of my internet service'],
  },
  {
    key: 'bill.phone',
    kind: 'bill',
    slots: (rng) => ({ amount: money(rng, 25, 180, 5), carrier: pick(rng, v.PHONE_CARRIERS) }),
    statements: ['My cell plan is with {carrier} and costs {amount} a month.', 'Phone service: {carrier}, {amount} monthly [for the family plan|for my line].'],
    queries: ['[what|which] mobile carrier am I on', 'how much is my cell phone plan', 'monthly wireless bill amount', 'who provides my [phone|mobile] service', "what's the phone bill each month"],
  },
  {
    key: 'bill.car-insurance',
    kind: 'bill',
    slots: (rng) => ({ amount: money(rng, 70, 260, 1), insurer: pick(rng, v.CAR_INSURERS) }),
    statements: ['Car insurance is through {insurer}: {amount} a month.', 'I pay {insurer} {amount} monthly to insure my car.'],
    queries: ['who insures my [car|vehicle]', 'what is my auto policy premium', 'how much does vehicle coverage cost me', '[monthly|current] cost of car insurance', 'which company is my auto insurer'],
  },
  {
    key: 'bill.health-insurance',
    kind: 'bill',
    slots: (rng) => ({ amount: money(rng, 90, 650, 5), insurer: pick(rng, v.HEALTH_INSURERS) }),
    statements: ['Health insurance with {insurer} takes {amount} out of each paycheck.', 'My medical plan is {insurer}, premium {amount} per month.'],
    queries: ['which [health|medical] insurer do I have', 'how much is my health coverage premium', 'what do I pay for medical insurance', 'health plan [deduction|cost] per month', 'who provides my medical coverage'],
  },
  {
    key: 'bill.home-insurance',
    kind: 'bill',
    slots: (rng) => ({ amount: money(rng, 12, 180, 1), insurer: pick(rng, v.HOME_INSURERS), kind: pick(rng, ["renter's", 'homeowners']) }),
    statements: ['I have {kind} insurance from {insurer} for {amount} a month.', '{insurer} covers my place with a {kind} policy at {amount} monthly.'],
    queries: ['who covers my [apartment|home] insurance', 'cost of my property insurance policy', 'which company insures my belongings', 'how much is [renters|home] insurance', 'do I have insurance on my place'],
  },
  {
    key: 'bill.gym',
    kind: 'bill',
    slots: (rng) => ({ amount: money(rng, 10, 240, 5), gym: pick(rng, v.GYMS) }),
    statements: ['Gym membership at {gym} is {amount} per month.', 'I am a member of {gym}, which charges me {amount} monthly.'],
    queries: ['how much is my [fitness|workout] membership', 'where do I work out', 'monthly fee for the gym', 'which gym am I a member of', 'what does exercising at {gym} cost'],
  },
  {
    key: 'bill.streaming',
    kind: 'bill',
    slots: (rng) => ({ first: pick(rng, v.STREAMING), second: pick(rng, v.STREAMING), total: money(rng, 15, 60, 1) }),
    statements: ['Subscriptions: {first} and {second}, together about {total} a month.', 'I stream with {first} and {second}, roughly {total} in total every month.'],
    queries: ['which [streaming services|subscriptions] do I pay for', 'how much go to entertainment subscriptions', 'what am I spending on {first}', 'total cost of my subscriptions', 'list my streaming subscriptions'],
  },
  {
    key: 'bill.childcare',
    applies: parent,
    kind: 'bill',
    slots: (rng, user) => ({ amount: money(rng, 600, 2400, 50), provider: pick(rng, v.CHILDCARE), child: user.child }),
    statements: ['{child} goes to {provider}; it costs {amount} a month.', 'Childcare for {child} at {provider} is {amount} monthly.'],
    queries: ['how much do I pay for daycare', 'what does {child}\'s care cost', 'who looks after my kid during work', 'where does {child} go while I work', 'monthly childcare expense'],
  },
  {
    key: 'bill.water',
    kind: 'bill',
    slots: (rng) => ({ amount: money(rng, 30, 140, 5), cadence: pick(rng, ['every two months', 'quarterly']) }),
    statements: ['The water and sewer bill comes {cadence}, usually about {amount}.', 'Water is billed {cadence} at roughly {amount}.'],
    queries: ['how often is the water bill', 'what does [water|sewer] service cost me', 'amount of the water utility bill', 'water bill [estimate|amount]', 'how much is water and sewer'],
  },
  // Debts.
  {
    key: 'debt.mortgage',
    applies: owner,
    kind: 'debt',
    slots: (rng) => ({ amount: money(rng, 1400, 4200, 10), lender: pick(rng, v.MORTGAGE_LENDERS), rate: `${(3 + rng.int(40) / 10).toFixed(1)}%` }),
    statements: ['Mortgage with {lender}: {amount} a month at a {rate} fixed rate.', 'We pay {lender} {amount} monthly on the house loan, locked at {rate}.'],
    queries: ['what interest rate is on my home loan', 'how much is the house payment', 'who services my mortgage', 'monthly mortgage payment', 'what rate did we lock on the house'],
  },
  {
    key: 'debt.student-loan',
    kind: 'debt',
    slots: (rng) => ({ balance: money(rng, 8000, 90000, 500), servicer: pick(rng, v.LOAN_SERVICERS), payment: money(rng, 150, 900, 10) }),
    statements: ['I still owe {balance} in student loans with {servicer}, paying {payment} a month.', 'Student debt: {balance} left at {servicer}; the payment is {payment} monthly.'],
    queries: ['how much [education|college] debt do I have left', 'who is my student loan servicer', 'monthly payment on school loans', 'remaining student loan balance', '[who|which company] handles my student debt'],
  },
  {
    key: 'debt.car-loan',
    kind: 'debt',
    slots: (rng) => ({ payment: money(rng, 250, 750, 5), lender: pick(rng, v.AUTO_LENDERS), months: String(6 + rng.int(50)) }),
    statements: ['Car loan through {lender}: {payment} a month with {months} payments left.', 'I have {months} more {payment} payments on the auto loan from {lender}.'],
    queries: ['how many payments remain on my [car|vehicle] loan', 'what is the auto loan installment', 'who financed my car', 'car payment amount', 'how long until the car is paid off'],
  },
  {
    key: 'debt.credit-card',
    kind: 'debt',
    slots: (rng) => ({ balance: money(rng, 500, 14000, 50), card: pick(rng, v.CARDS), apr: `${18 + rng.int(12)}%` }),
    statements: ['I carry a {balance} balance on my {card} at {apr} APR.', 'My {card} has {balance} on it and charges {apr} interest.'],
    queries: ['how much credit card debt am I carrying', 'what APR is on my [card|credit card]', 'outstanding balance on {card}', 'interest rate on my {card}', 'how much do I owe on the card'],
  },
  {
    key: 'debt.family-loan',
    kind: 'debt',
    slots: (rng) => ({ amount: money(rng, 300, 5000, 100), relative: pick(rng, ['my brother', 'my sister', 'my cousin', 'a close friend']), month: month(rng) }),
    statements: ['I lent {relative} {amount}; they promised to pay it back by {month}.', '{relative} borrowed {amount} from me and should repay it by {month}.'],
    queries: ['who owes me money', 'when should I get the loan to family back', 'how much did I lend someone', 'money I lent to family', 'who borrowed cash from me'],
  },
  // Goals.
  {
    key: 'goal.emergency-fund',
    kind: 'goal',
    slots: (rng) => ({ target: money(rng, 5000, 30000, 1000), months: String(3 + rng.int(4)) }),
    statements: ['I want an emergency fund of {target}, about {months} months of expenses.', 'Goal: keep {target} as a rainy-day cushion ({months} months of costs).'],
    queries: ['how big should my [safety net|rainy day fund] be', 'what is my target for emergency savings', 'how many months of expenses do I want set aside', 'emergency fund goal', 'how much cash should I keep for emergencies'],
  },
  {
    key: 'goal.down-payment',
    applies: renter,
    kind: 'goal',
    slots: (rng) => ({ target: money(rng, 20000, 120000, 5000), year: String(2026 + rng.int(5)) }),
    statements: ['Saving {target} for a down payment on a house by {year}.', 'We hope to buy a home in {year} and need {target} for the down payment.'],
    queries: ['how much am I putting aside to buy a [home|house]', 'when do we plan to purchase property', 'target for the house deposit', 'how much do I need for a down payment', 'house savings goal'],
  },
  {
    key: 'goal.vacation',
    kind: 'goal',
    slots: (rng) => ({ destination: pick(rng, v.DESTINATIONS), budget: money(rng, 1500, 9000, 250), month: month(rng) }),
    statements: ['Planning a trip to {destination} in {month} with a budget of {budget}.', 'I am saving {budget} for {destination} next {month}.'],
    queries: ['how much can I spend on [the trip|my holiday]', 'where am I traveling this year', 'vacation budget for {destination}', 'when is my trip to {destination}', 'travel savings target'],
  },
  {
    key: 'goal.retirement',
    kind: 'goal',
    slots: (rng) => ({ age: String(55 + rng.int(12)), target: money(rng, 800000, 3000000, 100000) }),
    statements: ['I would like to retire at {age} with about {target} saved.', 'Retirement plan: stop working at {age}, nest egg of {target}.'],
    queries: ['at what age do I want to stop working', 'how large a nest egg am I aiming for', 'my retirement savings target', 'when do I plan to retire', 'how much do I need to retire'],
  },
  {
    key: 'goal.pay-off-card',
    kind: 'goal',
    slots: (rng) => ({ card: pick(rng, v.CARDS), month: month(rng), extra: money(rng, 100, 800, 50) }),
    statements: ['I want the {card} paid off by {month}, so I add {extra} extra each month.', 'Plan: clear my {card} balance by {month} by paying an extra {extra} monthly.'],
    queries: ['by when do I want to be free of card debt', 'how much extra am I paying toward the credit card', 'deadline for clearing {card}', 'when will my {card} be paid off', 'credit card payoff plan'],
  },
  {
    key: 'goal.college-fund',
    applies: parent,
    kind: 'goal',
    slots: (rng, user) => ({ child: user.child, monthly: money(rng, 50, 600, 25), plan: pick(rng, ['a 529 plan', 'a custodial account']) }),
    statements: ['We put {monthly} a month into {plan} for {child}\'s college.', '{child}\'s education savings: {monthly} monthly into {plan}.'],
    queries: ['how much do we save for [university|college] each month', 'where is {child}\'s tuition money kept', 'contribution to the education fund', "are we saving for {child}'s education", 'how much goes into the 529 each month'],
  },
  {
    key: 'goal.new-car',
    kind: 'goal',
    slots: (rng) => ({ target: money(rng, 5000, 25000, 500), model: pick(rng, ['a used Honda Civic', 'a Toyota RAV4', 'an electric car', 'a minivan']) }),
    statements: ['Saving {target} to buy {model} in cash.', 'I am setting money aside for {model}; the goal is {target}.'],
    queries: ['which vehicle am I saving for', 'how much do I need for the next car', 'target amount for buying a car', 'car savings goal', 'what car do I want to buy'],
  },
  {
    key: 'goal.wedding',
    applies: (user) => user.relationship === 'engaged',
    kind: 'goal',
    slots: (rng, user) => ({ partner: user.partner, budget: money(rng, 8000, 45000, 1000), month: month(rng) }),
    statements: ['{partner} and I are getting married in {month}; the wedding budget is {budget}.', 'Wedding with {partner} planned for {month}, budget {budget}.'],
    queries: ['how much can we spend on the [ceremony|wedding]', 'when is the wedding', 'budget for getting married', 'how much is set aside for the big day', 'when are {partner} and I getting married'],
  },
  // Income.
  {
    key: 'income.salary',
    kind: 'income',
    slots: (rng, user) => ({ employer: user.employer, salary: money(rng, 48000, 190000, 1000) }),
    statements: ['I work at {employer} and earn {salary} a year before tax.', 'My salary at {employer} is {salary} gross per year.'],
    queries: ['what is my [annual pay|yearly income]', 'where do I work', 'how much do I make before taxes', "[what's|what is] my salary", 'how much does {employer} pay me per year'],
  },
  {
    key: 'income.paycheck',
    kind: 'income',
    slots: (rng) => ({ net: money(rng, 1400, 5200, 10), schedule: pick(rng, ['every other Friday', 'on the 15th and the last day of the month', 'every Friday']) }),
    statements: ['Take-home pay is {net} per paycheck, deposited {schedule}.', 'I get paid {schedule}; each deposit is about {net} after tax.'],
    queries: ['when [do I get paid|is payday]', 'how much lands in my account each pay period', 'net amount of my paycheck', 'how often do I get paid', 'take home pay per check'],
  },
  {
    key: 'income.freelance',
    kind: 'income',
    slots: (rng) => ({ amount: money(rng, 300, 4000, 50), work: pick(rng, ['graphic design', 'tutoring', 'web development', 'photography', 'bookkeeping']) }),
    statements: ['Side income from {work} brings in around {amount} a month.', 'I freelance in {work} and make about {amount} monthly on the side.'],
    queries: ['how much do I earn from my side gig', 'what kind of freelance work do I do', 'extra monthly income besides my job', 'side hustle earnings', 'do I have freelance income'],
  },
  {
    key: 'income.bonus',
    kind: 'income',
    slots: (rng) => ({ percent: `${5 + rng.int(16)}%`, month: month(rng) }),
    statements: ['My annual bonus is about {percent} of salary, paid in {month}.', 'Bonus: roughly {percent} of base, usually arrives in {month}.'],
    queries: ['when does the yearly bonus [arrive|pay out]', 'how big is my bonus', 'what percent of pay is my incentive', 'when do I get my bonus', 'expected bonus size'],
  },
  {
    key: 'income.rental',
    kind: 'income',
    slots: (rng) => ({ amount: money(rng, 700, 2600, 50), property: pick(rng, ['a condo downtown', 'a basement apartment', 'a duplex unit', 'a small cabin']) }),
    statements: ['I rent out {property} for {amount} a month.', 'Tenants pay me {amount} monthly for {property}.'],
    queries: ['how much rental income do I receive', 'what property do I lease out', 'money from my tenant each month', 'what do my tenants pay', 'income from the rental property'],
  },
  {
    key: 'income.dividends',
    kind: 'income',
    slots: (rng) => ({ amount: money(rng, 80, 1500, 10) }),
    statements: ['Dividends from my portfolio come to about {amount} a quarter.', 'My holdings pay roughly {amount} in dividends every three months.'],
    queries: ['how much do my investments pay out', 'quarterly dividend income', 'what passive income do my stocks generate', 'how much do I get in dividends', 'dividend payments per quarter'],
  },
  // Accounts.
  {
    key: 'account.checking',
    kind: 'account',
    slots: (rng, user) => ({ bank: user.bank, minimum: money(rng, 500, 3000, 100) }),
    statements: ['Everyday checking is at {bank}; I try to keep at least {minimum} in it.', 'My main checking account is with {bank}, and I never let it drop below {minimum}.'],
    queries: ['which bank holds my [everyday|main] account', 'what minimum balance do I keep', 'where does my spending money sit', 'where is my checking account', 'how much do I keep in checking at minimum'],
  },
  {
    key: 'account.savings',
    kind: 'account',
    slots: (rng) => ({ bank: pick(rng, v.ONLINE_SAVINGS), apy: `${(3 + rng.int(20) / 10).toFixed(1)}%`, balance: money(rng, 2000, 60000, 500) }),
    statements: ['High-yield savings at {bank} earning {apy} APY, balance about {balance}.', 'I keep {balance} in a {bank} savings account paying {apy}.'],
    queries: ['what interest does my savings [earn|pay]', 'where is my high yield account', 'how much cash is in savings', 'which bank has my savings', 'savings account APY'],
  },
  {
    key: 'account.brokerage',
    kind: 'account',
    slots: (rng) => ({ broker: pick(rng, v.BROKERS), balance: money(rng, 3000, 250000, 1000) }),
    statements: ['Taxable brokerage account at {broker}, currently about {balance}.', 'I invest through {broker}; the account holds roughly {balance}.'],
    queries: ['which broker do I use', 'how much is in my investment account', 'value of my taxable portfolio', 'where are my investments held', 'how much do I have invested outside retirement'],
  },
  {
    key: 'account.401k',
    kind: 'account',
    slots: (rng, user) => ({ employer: user.employer, contribution: `${3 + rng.int(13)}%`, match: `${2 + rng.int(5)}%` }),
    statements: ['I contribute {contribution} to the {employer} 401(k); they match up to {match}.', '401(k) at {employer}: {contribution} of pay goes in, employer match is {match}.'],
    queries: ['how much does my employer match', 'what percent of salary goes to my retirement plan', 'workplace 401k contribution rate', '401k match at work', 'how much do I put into my 401k'],
  },
  {
    key: 'account.ira',
    kind: 'account',
    slots: (rng) => ({ broker: pick(rng, v.BROKERS), monthly: money(rng, 100, 583, 1) }),
    statements: ['I fund a Roth IRA at {broker} with {monthly} every month.', 'Roth IRA: automatic {monthly} monthly deposits at {broker}.'],
    queries: ['where is my Roth', 'how much goes into my IRA each month', 'individual retirement account contributions', 'Roth IRA contribution amount', 'which brokerage holds my IRA'],
  },
  {
    key: 'account.hsa',
    kind: 'account',
    slots: (rng) => ({ balance: money(rng, 500, 15000, 100), provider: pick(rng, ['Fidelity', 'HealthEquity', 'Lively', 'Optum Bank']) }),
    statements: ['My HSA is with {provider} and has about {balance}.', 'Health savings account at {provider}: roughly {balance} saved.'],
    queries: ['how much is in my health savings account', 'who holds my HSA', 'money available for medical expenses tax free', 'HSA balance', 'where is my health savings account'],
  },
  {
    key: 'account.credit-limit',
    kind: 'account',
    slots: (rng) => ({ card: pick(rng, v.CARDS), limit: money(rng, 2000, 30000, 500) }),
    statements: ['My {card} has a {limit} credit limit; I use it for everyday purchases.', 'Everyday spending goes on the {card}, limit {limit}.'],
    queries: ['what is my spending limit on the card', 'which card do I use day to day', 'credit line on my main card', 'credit limit on my {card}', 'which card do I use for daily spending'],
  },
  // Preferences.
  {
    key: 'preference.contact',
    kind: 'preference',
    slots: (rng) => ({ channel: pick(rng, ['text message', 'email', 'push notification']), time: pick(rng, ['mornings', 'evenings', 'weekends']) }),
    statements: ['Please reach me by {channel}, ideally in the {time}.', 'I prefer {channel} alerts and read them in the {time}.'],
    queries: ['how should you [notify|contact] me', 'best time to send me updates', 'my preferred alert channel', 'how do I like to receive alerts', 'when should you message me'],
  },
  {
    key: 'preference.investing-style',
    kind: 'preference',
    slots: (rng) => ({ style: pick(rng, ['low-cost index funds', 'a three-fund portfolio', 'target-date funds', 'dividend stocks']) }),
    statements: ['I like to invest in {style} and avoid picking individual stocks.', 'Investing approach: {style}, buy and hold, minimal trading.'],
    queries: ['what kind of investments do I favor', 'do I trade often or hold', 'my preferred investment strategy', 'do I pick individual stocks', 'what funds do I like to invest in'],
  },
  {
    key: 'preference.esg',
    kind: 'preference',
    slots: (rng) => ({ exclude: pick(rng, ['fossil fuels', 'tobacco and weapons', 'private prisons', 'fast fashion']) }),
    statements: ['I do not want my money invested in {exclude}.', 'Please keep {exclude} out of my portfolio; values matter to me.'],
    queries: ['which industries should my portfolio exclude', 'do I have ethical investing restrictions', 'sectors I refuse to own', 'what should I never invest in', 'my ethical investing preferences'],
  },
  {
    key: 'preference.crypto',
    kind: 'preference',
    slots: (rng) => ({ stance: pick(rng, ['no crypto at all', 'at most 2% in bitcoin', 'a small ethereum position only']) }),
    statements: ['On digital currencies: {stance}.', 'My rule for cryptocurrency is {stance}.'],
    queries: ['[what do I think about|how do I feel about] bitcoin', 'how much crypto exposure is okay', 'my stance on digital coins', 'should I buy cryptocurrency', 'crypto allocation limit'],
  },
  {
    key: 'preference.budgeting',
    kind: 'preference',
    slots: (rng) => ({ method: pick(rng, ['the 50/30/20 rule', 'zero-based budgeting', 'cash envelopes', 'a pay-yourself-first transfer']) }),
    statements: ['I budget using {method}.', 'Budget method: {method}, reviewed every Sunday.'],
    queries: ['what budgeting system do I follow', 'how do I plan my spending', 'which money management method do I use', 'my budgeting method', 'how do I budget'],
  },
  {
    key: 'preference.reminders',
    kind: 'preference',
    slots: (rng) => ({ days: String(1 + rng.int(7)) }),
    statements: ['Remind me {days} days before any bill is due.', 'Bill reminders should arrive {days} days ahead of the due date.'],
    queries: ['how early should payment reminders come', 'when do I want to be warned about upcoming bills', 'lead time for due date alerts', 'how many days notice do I want before bills', 'bill reminder preference'],
  },
  {
    key: 'preference.round-ups',
    kind: 'preference',
    slots: (rng) => ({ destination: pick(rng, ['savings', 'the vacation fund', 'the emergency fund', 'my brokerage account']) }),
    statements: ['Round up every card purchase and sweep the change into {destination}.', 'Spare change from purchases should go to {destination}.'],
    queries: ['where does my spare change go', 'do I use purchase round ups', 'what happens to the rounding from transactions', 'where do round ups go', 'spare change savings setting'],
  },
  // Risk.
  {
    key: 'risk.tolerance',
    kind: 'risk',
    slots: (rng) => ({ level: pick(rng, ['conservative', 'moderate', 'fairly aggressive', 'aggressive']), stocks: `${30 + 10 * rng.int(7)}%` }),
    statements: ['My risk tolerance is {level}; about {stocks} stocks feels right.', 'I am a {level} investor and want roughly {stocks} in equities.'],
    queries: ['how much risk [can I handle|am I comfortable with]', 'what share of my portfolio should be in stocks', 'my investor risk profile', 'what is my risk tolerance', 'how aggressive should my portfolio be'],
  },
  {
    key: 'risk.horizon',
    kind: 'risk',
    slots: (rng) => ({ years: String(3 + rng.int(33)) }),
    statements: ['I will not need this money for about {years} years.', 'Investment horizon: roughly {years} years before I draw on it.'],
    queries: ['how long until I need my investments', 'what is my time horizon', 'when will I start withdrawing', 'investment time horizon', 'how many years until I need the money'],
  },
  {
    key: 'risk.drawdown',
    kind: 'risk',
    slots: (rng) => ({ drop: `${10 + 5 * rng.int(7)}%` }),
    statements: ['A {drop} drop in my portfolio is the most I could stomach without panicking.', 'I would lose sleep if my investments fell more than {drop}.'],
    queries: ['how big a market decline can I tolerate', 'what loss would make me sell', 'maximum portfolio drawdown I accept', 'how much of a drop can I handle', "largest loss I'm okay with"],
  },
  // Merchants.
  {
    key: 'merchant.groceries',
    kind: 'merchant',
    slots: (rng) => ({ store: pick(rng, v.GROCERS), amount: money(rng, 60, 320, 10) }),
    statements: ['I buy groceries at {store}, about {amount} a week.', 'Weekly food shopping is at {store}, usually {amount}.'],
    queries: ['where do I [shop for food|get groceries]', 'how much is my weekly grocery run', 'supermarket I use most', 'grocery budget per week', 'which grocery store do I use'],
  },
  {
    key: 'merchant.coffee',
    kind: 'merchant',
    slots: (rng) => ({ shop: pick(rng, v.COFFEE), amount: money(rng, 20, 120, 5) }),
    statements: ['Coffee habit: {shop}, around {amount} a month.', 'I grab coffee at {shop} most mornings, roughly {amount} monthly.'],
    queries: ['how much do I spend on [lattes|coffee]', 'which cafe do I go to', 'my monthly caffeine spending', 'coffee spending', 'where do I buy coffee'],
  },
  {
    key: 'merchant.fuel',
    kind: 'merchant',
    slots: (rng) => ({ station: pick(rng, v.FUEL), amount: money(rng, 80, 400, 10) }),
    statements: ['I fill up at {station}; gas runs about {amount} a month.', 'Fuel spending is roughly {amount} monthly, mostly at {station}.'],
    queries: ['how much goes to gasoline', 'where do I buy fuel', 'monthly cost of filling up the car', 'gas spending per month', 'which gas station do I use'],
  },
  {
    key: 'merchant.online',
    kind: 'merchant',
    slots: (rng) => ({ shop: pick(rng, v.ONLINE_SHOPS), limit: money(rng, 100, 600, 25) }),
    statements: ['I try to cap {shop} orders at {limit} a month.', 'Online shopping, mostly {shop}, should stay under {limit} monthly.'],
    queries: ['what is my limit for internet shopping', 'where do I order things online', 'cap on monthly e-commerce purchases', 'online shopping budget', 'how much can I spend on {shop}'],
  },
  {
    key: 'merchant.dining',
    kind: 'merchant',
    slots: (rng) => ({ place: pick(rng, v.RESTAURANTS), amount: money(rng, 100, 700, 25), app: pick(rng, v.FOOD_DELIVERY) }),
    statements: ['Eating out budget is {amount} a month; favorites are {place} and {app} delivery.', 'I spend about {amount} monthly on restaurants, often {place} or ordering on {app}.'],
    queries: ['how much do I allow for [dining out|restaurants]', 'which delivery app do I use', 'my takeout and restaurant budget', 'restaurant budget', 'how much do I spend eating out'],
  },
  {
    key: 'merchant.pharmacy',
    kind: 'merchant',
    slots: (rng) => ({ pharmacy: pick(rng, v.PHARMACIES), amount: money(rng, 10, 150, 5) }),
    statements: ['Prescriptions are filled at {pharmacy}, about {amount} a month in copays.', 'I pick up medication at {pharmacy}; copays total roughly {amount} monthly.'],
    queries: ['which drugstore do I use', 'how much are my prescription copays', 'where do I get my medicine', 'which pharmacy do I use', 'prescription costs per month'],
  },
  {
    key: 'merchant.rideshare',
    kind: 'merchant',
    slots: (rng) => ({ app: pick(rng, v.RIDESHARE), amount: money(rng, 20, 250, 10) }),
    statements: ['I use {app} for rides, roughly {amount} a month.', 'Ride-hailing with {app} costs me about {amount} monthly.'],
    queries: ['how much do I spend on taxis', 'which ride app do I use', 'monthly cost of getting rides', 'rideshare spending', 'do I use Uber or Lyft'],
  },
  // Family.
  {
    key: 'family.partner',
    applies: partnered,
    kind: 'family',
    slots: (rng, user) => ({ partner: user.partner, job: pick(rng, ['a nurse', 'a teacher', 'an engineer', 'self-employed', 'in grad school']) }),
    statements: ['My partner {partner} is {job}; we share household expenses.', '{partner}, my spouse, is {job} and we split the bills.'],
    queries: ['what does my [husband|wife|partner] do', 'who do I share expenses with', 'my spouse\'s name', "[partner's|spouse's] job", 'who is {partner}'],
  },
  {
    key: 'family.child',
    applies: parent,
    kind: 'family',
    slots: (_rng, user) => ({ child: user.child, age: String(user.childAge) }),
    statements: ['We have one child, {child}, who is {age}.', '{child} is our kid; {age} years old this year.'],
    queries: ['how old is my [son or daughter|kid]', 'what is my child called', 'do I have children', "[child's|kid's] age", 'how many kids do I have'],
  },
  {
    key: 'family.parent-support',
    kind: 'family',
    slots: (rng) => ({ amount: money(rng, 100, 1200, 50), parent: pick(rng, ['my mom', 'my dad', 'my parents', 'my grandmother']) }),
    statements: ['I send {parent} {amount} every month to help with expenses.', 'Every month {amount} goes to {parent} for support.'],
    queries: ['how much do I give my family each month', 'who do I help financially', 'monthly support for relatives', 'how much do I send my parents', 'support payments to family'],
  },
  {
    key: 'family.pet',
    kind: 'family',
    slots: (rng) => {
      const [animal, name] = pick(rng, v.PETS);
      return { animal, name, amount: money(rng, 30, 200, 5) };
    },
    statements: ['Our {animal} {name} costs about {amount} a month in food and vet bills.', '{name} the {animal}: roughly {amount} monthly for food, insurance and the vet.'],
    queries: ['how much does my [pet|furry friend] cost', 'what is my pet\'s name', 'monthly veterinary and pet food spending', 'pet expenses per month', 'what kind of pet do I have'],
  },
  // Dates.
  {
    key: 'date.anniversary',
    applies: (user) => user.relationship === 'married',
    kind: 'date',
    slots: (rng, user) => ({ partner: user.partner, month: month(rng), day: day(rng), gift: money(rng, 50, 500, 25) }),
    statements: ['Our anniversary with {partner} is {month} {day}; I usually spend {gift} on a gift.', '{partner} and I celebrate on {month} {day}, gift budget around {gift}.'],
    queries: ['when is [our anniversary|the anniversary]', 'how much do I spend on an anniversary present', 'date we celebrate as a couple', 'anniversary date', 'anniversary gift budget'],
  },
  {
    key: 'date.child-birthday',
    applies: parent,
    kind: 'date',
    slots: (rng, user) => ({ child: user.child, month: month(rng), day: day(rng) }),
    statements: ['{child}\'s birthday is {month} {day}.', '{child} was born on {month} {day}; we plan a party each year.'],
    queries: ['when is my kid\'s birthday', 'date of {child}\'s party', 'which month was my child born', "when does {child} turn a year older", 'when was my [kid|child] born'],
  },
  {
    key: 'date.estimated-taxes',
    kind: 'date',
    slots: (rng) => ({ amount: money(rng, 300, 6000, 100) }),
    statements: ['I pay quarterly estimated taxes of about {amount} in April, June, September and January.', 'Estimated tax payments: {amount} each quarter to the IRS.'],
    queries: ['when are my [quarterly|estimated] tax payments due', 'how much do I send the IRS each quarter', 'self-employment tax installments', 'estimated tax amount', 'quarterly tax payment schedule'],
  },
  {
    key: 'date.lease-renewal',
    applies: renter,
    kind: 'date',
    slots: (rng) => ({ month: month(rng), increase: `${2 + rng.int(8)}%` }),
    statements: ['The lease renews every {month}; last year rent went up {increase}.', 'Lease renewal is in {month}, and I expect about a {increase} increase.'],
    queries: ['when does my rental agreement [renew|expire]', 'how much did the rent increase last time', 'month my apartment contract ends', 'lease renewal date', 'when is my lease up'],
  },
  {
    key: 'date.insurance-renewal',
    kind: 'date',
    slots: (rng) => ({ month: month(rng) }),
    statements: ['Car insurance renews in {month}; I shop around for quotes before then.', 'My auto policy is up for renewal every {month}.'],
    queries: ['when should I compare car insurance quotes', 'renewal month for my auto policy', 'when does vehicle coverage renew', 'car insurance renewal date', 'when does my auto insurance renew'],
  },
  {
    key: 'date.open-enrollment',
    kind: 'date',
    slots: (rng, user) => ({ employer: user.employer, month: month(rng) }),
    statements: ['Benefits open enrollment at {employer} happens in {month}.', '{employer} lets us change health and 401(k) elections each {month}.'],
    queries: ['when can I change my work benefits', 'open enrollment period', 'month to update my employer elections', 'when is open enrollment', 'benefits enrollment month at {employer}'],
  },
];
