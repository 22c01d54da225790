// The pages of docs/ that `hopper help TOPIC` prints and the man pages
// carry, compiled in from the Markdown (cmake/EmbedTexts.cmake).
#pragma once
#include <string_view>
#include <vector>

namespace hopper::cli {

struct HelpPage {
  std::string_view topic;  // hopper help TOPIC
  std::string_view text;   // Markdown
};
const std::vector<HelpPage>& help_pages();

}  // namespace hopper::cli
