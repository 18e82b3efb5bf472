// Set similarity for comparing meeting bodies (FND-05): Jaccard on sets of
// organisation names, and on the character bigrams of a free-text purpose.
// Bigrams suit Japanese, which has no spaces between words: 「地域課題」
// becomes {地域, 域課, 課題}, and two sentences that share phrases share
// bigrams.
#pragma once
#include <set>
#include <string>
#include <string_view>

namespace kyosei {

// |A∩B| / |A∪B|; 0 when both are empty.
double jaccard(const std::set<std::string>& a, const std::set<std::string>& b);

// Bigrams of code points after NFKC, with white space and punctuation
// (、。・「」（） …) dropped; a text of one character gives that character.
std::set<std::string> char_bigrams(std::string_view text);

}  // namespace kyosei
