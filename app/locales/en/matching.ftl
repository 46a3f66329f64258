match-nav = Matchmaking
match-title = Recommended for you
match-intro = Exhibitors picked for you from your buyer profile and what you looked at, each with the reasons.
match-sign-in = Sign in to see the exhibitors recommended for you.
match-empty = No recommendations yet. Fill in your buyer profile or visit a few booths: they appear here within seconds.
match-score-label = Match score
match-score = { $score } / 100
match-reasons = Why this match
match-products = Products:
match-not-interested = Not interested
match-not-interested-in = Not interested in { $company }
match-leads-title = Your leads
match-leads-intro = The buyers who match your booth best, with the reasons. A buyer's contact details are on their profile when they allowed it.
match-leads-empty = No leads yet. Buyers who match your booth appear here as they sign up and browse.
match-interests-title = What shapes your recommendations
match-interests-declared = Industries in your buyer profile
match-interests-browsed = Industries you looked at (pages)
match-interests-countries = Countries of the booths you visited (pages)
match-interests-prices = Price ranges you looked at (pages)
match-interests-none = None yet
match-interests-recording = Pages you viewed so far: { $count }.
match-interests-off = What you look at is not recorded: recommendations use your buyer profile only.
match-interests-privacy = Privacy settings
match-complete-profile = Fill in your buyer profile
match-price-band-0 = under 10 { $currency }
match-price-band-1 = 10–100 { $currency }
match-price-band-2 = 100–1,000 { $currency }
match-price-band-3 = over 1,000 { $currency }
match-why-buyer-inquiry = You sent them an inquiry
match-why-buyer-meeting = You met their team
match-why-buyer-chat = You talked with them
match-why-buyer-favorite = You saved their booth or products
match-why-buyer-products = You viewed { $count ->
    [one] one of their products
   *[other] { $count } of their products
}
match-why-buyer-visits = You visited their booth { $count ->
    [one] once
   *[other] { $count } times
}
match-why-buyer-industry = You both work in { $industries }
match-why-buyer-browsed = You have been looking at { $industries }
match-why-buyer-country = Based in { $country }, where you source
match-why-buyer-volume = Your purchase volume suits their minimum order
match-why-buyer-language = Their team speaks { $language }
match-why-buyer-verified = Verified exhibitor
match-why-buyer-lowered = Shown lower: you dismissed similar exhibitors
match-why-booth-inquiry = They sent you an inquiry
match-why-booth-meeting = They met your team
match-why-booth-chat = They talked with you
match-why-booth-favorite = They saved your booth or products
match-why-booth-products = They viewed { $count ->
    [one] one of your products
   *[other] { $count } of your products
}
match-why-booth-visits = They visited your booth { $count ->
    [one] once
   *[other] { $count } times
}
match-why-booth-industry = They buy in { $industries }
match-why-booth-browsed = They have been looking at { $industries }
match-why-booth-country = They source from { $country }, where you are based
match-why-booth-volume = Their purchase volume suits your minimum order
match-why-booth-language = They speak { $language }
match-why-booth-verified = Verified buyer
match-settings-title = Matchmaking weights
match-settings-intro = How much each signal counts in a match. Preview shows the effect on a few buyers before you save; saving recomputes every match.
match-weight-industry = Shared industries
match-weight-country = Sourcing country
match-weight-volume = Volume fits the minimum order
match-weight-language = Shared language
match-weight-verified = Verification
match-weight-behaviour = Behaviour (visits, saves, inquiries)
match-preview = Preview
match-save = Save and recompute
match-stat-buyers = People matched
match-stat-pairs = Matches kept
match-stat-computed = Last full recompute
match-never = Not yet
match-weights-now = Weights shown: { $weights }
match-sample-caption = Top matches of a few buyers under these weights
match-sample-buyer = Buyer
match-sample-top = Top three exhibitors (score)
match-sample-none = No buyers with a profile yet.
match-error-weight-range = Enter a whole number from 0 to 100.
match-error-weights-zero = At least one weight must be above 0.
dash-matching-body = Tune how buyers and exhibitors are matched and see the effect.
dash-matchmaking-body = Exhibitors recommended for you, or your booth's leads.
notice-new-match = New recommendation: { $company } matches you ({ $score }/100).
account-title = Account
account-name = Name
account-language = Language
account-privacy = Privacy
account-footprints-on = The pages you view are recorded to recommend exhibitors to you.
account-footprints-off = The pages you view are not recorded.
account-footprints-hint = Each view is kept for 30 days, then only daily totals. Turning recording off deletes everything recorded about you.
account-footprints-stop = Stop recording and delete
account-footprints-start = Record my views
account-sign-in = Sign in to see your account.
match-digest-subject = { $count ->
    [one] A new match for you
   *[other] { $count } new matches for you
}
match-digest-intro = These exhibitors match what you buy:
match-digest-footer = All your recommendations: { $link }
    Change how often you get this e-mail: { $settings }
account-digest-label = E-mail me new strong matches
account-digest-off = Never
account-digest-daily = Daily
account-digest-weekly = Weekly
account-digest-save = Save
account-digest-saved = Saved.
match-error-digest = Choose never, daily or weekly.
