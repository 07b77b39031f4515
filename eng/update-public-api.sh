#!/usr/bin/env bash
# Regenerates a library's PublicAPI.Unshipped.txt from the compiler's RS0016 diagnostics.
# Usage: eng/update-public-api.sh src/LeadKit.Scoring   (review the diff before committing: API changes are deliberate)
set -euo pipefail
project_dir=${1:?usage: eng/update-public-api.sh src/<Project>}
unshipped="$project_dir/PublicAPI.Unshipped.txt"
shipped="$project_dir/PublicAPI.Shipped.txt"
[ -f "$shipped" ] || printf '#nullable enable\n' > "$shipped"
grep -q '^#nullable enable' "$shipped" || sed -i '1i #nullable enable' "$shipped"
printf '#nullable enable\n' > "$unshipped"
log=$(mktemp)
dotnet build "$project_dir" -p:TreatWarningsAsErrors=false -nologo -clp:NoSummary > "$log" 2>&1 || true
grep -oE "RS0016: Symbol '.*' is not part of the declared public API" "$log" \
  | sed -E "s/^RS0016: Symbol '(.*)' is not part of the declared public API$/\1/" \
  | sed -E 's/&lt;/</g; s/&gt;/>/g' \
  | sort -u >> "$unshipped"
rm -f "$log"
echo "$unshipped: $(($(wc -l < "$unshipped") - 1)) symbols"
