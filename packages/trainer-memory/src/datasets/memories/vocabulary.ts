/**
 * Names the memory and transaction generators draw from: real, widely known US
 * merchants, banks and providers (so the text reads like a real user's), and
 * invented first names and employers.
 */
export const FIRST_NAMES = [
  'Maya', 'Daniel', 'Priya', 'Marcus', 'Elena', 'Jordan', 'Aisha', 'Tom', 'Sofia', 'Kenji',
  'Grace', 'Luis', 'Hannah', 'Omar', 'Chloe', 'Ethan', 'Nora', 'Sam', 'Leah', 'Victor',
] as const;

export const EMPLOYERS = [
  'Northwind Logistics', 'Brightline Health', 'Cobalt Software', 'Riverside School District', 'Summit Engineering',
  'Harbor Bank', 'Green Valley Hospital', 'Atlas Retail', 'Pioneer Insurance', 'Lumen Design Studio',
] as const;

export const CITIES = [
  ['Seattle', 'WA'], ['Austin', 'TX'], ['Denver', 'CO'], ['Chicago', 'IL'], ['Atlanta', 'GA'],
  ['Portland', 'OR'], ['Boston', 'MA'], ['Phoenix', 'AZ'], ['Columbus', 'OH'], ['San Diego', 'CA'],
] as const;

export const BANKS = ['Chase', 'Bank of America', 'Wells Fargo', 'Citi', 'Capital One', 'US Bank', 'PNC', 'a local credit union'] as const;
export const ONLINE_SAVINGS = ['Ally', 'Marcus by Goldman Sachs', 'Discover', 'SoFi', 'American Express Savings'] as const;
export const BROKERS = ['Fidelity', 'Vanguard', 'Charles Schwab', 'E*TRADE', 'Robinhood'] as const;
export const CARDS = ['Chase Sapphire', 'Amex Gold', 'Capital One Venture', 'Citi Double Cash', 'Discover It', 'Apple Card'] as const;
export const LANDLORDS = ['Oakwood Apartments', 'Maple Court Properties', 'Riverside Lofts', 'Greenway Residential', 'Harbor View Rentals'] as const;
export const MORTGAGE_LENDERS = ['Rocket Mortgage', 'Wells Fargo Home Mortgage', 'Chase Home Lending', 'a local credit union'] as const;
export const ELECTRIC = ['Con Edison', 'PG&E', 'Duke Energy', 'Xcel Energy', 'ComEd', 'Georgia Power'] as const;
export const GAS_UTILITIES = ['National Grid', 'SoCalGas', 'Atmos Energy', 'Piedmont Natural Gas', 'CenterPoint'] as const;
export const INTERNET = ['Comcast Xfinity', 'Spectrum', 'AT&T Fiber', 'Verizon Fios', 'Google Fiber'] as const;
export const PHONE_CARRIERS = ['T-Mobile', 'Verizon', 'AT&T', 'Mint Mobile', 'Visible'] as const;
export const CAR_INSURERS = ['GEICO', 'Progressive', 'State Farm', 'Allstate', 'USAA'] as const;
export const HEALTH_INSURERS = ['Blue Cross', 'Aetna', 'Kaiser Permanente', 'UnitedHealthcare', 'Cigna'] as const;
export const HOME_INSURERS = ['Lemonade', 'State Farm', 'Allstate', 'USAA', 'Liberty Mutual'] as const;
export const GYMS = ['Planet Fitness', 'Equinox', '24 Hour Fitness', 'the YMCA', 'Orangetheory', 'a climbing gym'] as const;
export const STREAMING = ['Netflix', 'Spotify', 'Disney+', 'Hulu', 'Max', 'YouTube Premium'] as const;
export const LOAN_SERVICERS = ['Nelnet', 'MOHELA', 'Aidvantage', 'EdFinancial'] as const;
export const AUTO_LENDERS = ['Toyota Financial', 'Honda Financial Services', 'Ally Auto', 'a credit union'] as const;
export const CHILDCARE = ['Little Sprouts Daycare', 'Bright Horizons', 'Sunshine Preschool', 'a nanny share'] as const;
export const GROCERS = ["Trader Joe's", 'Costco', 'Kroger', 'Whole Foods', 'Aldi', 'Safeway', 'H-E-B'] as const;
export const COFFEE = ['Starbucks', 'Blue Bottle', "Dunkin'", "Peet's Coffee", 'a corner cafe'] as const;
export const FUEL = ['Shell', 'Chevron', 'Costco Gas', 'Exxon', 'BP'] as const;
export const ONLINE_SHOPS = ['Amazon', 'Target', 'Walmart', 'Etsy', 'Best Buy'] as const;
export const PHARMACIES = ['CVS', 'Walgreens', 'Rite Aid'] as const;
export const RESTAURANTS = ['Chipotle', 'a neighborhood Thai place', 'Sweetgreen', 'Olive Garden', 'a local pizzeria'] as const;
export const RIDESHARE = ['Uber', 'Lyft'] as const;
export const FOOD_DELIVERY = ['DoorDash', 'Uber Eats', 'Grubhub', 'Instacart'] as const;
export const DESTINATIONS = ['Japan', 'Italy', 'Hawaii', 'Mexico City', 'Portugal', 'Iceland', 'Costa Rica', 'Disney World'] as const;
export const PETS = [['dog', 'Biscuit'], ['cat', 'Miso'], ['dog', 'Luna'], ['cat', 'Pepper'], ['dog', 'Rocket']] as const;
