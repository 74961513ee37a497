#pragma once
/// Internal to libs/graphql/type: graphql-js `validateSDL` with `specifiedSDLRules`
/// (LoneSchemaDefinition, UniqueOperationTypes, UniqueTypeNames, UniqueEnumValueNames,
/// UniqueFieldDefinitionNames, UniqueArgumentDefinitionNames, UniqueDirectiveNames,
/// KnownTypeNames, KnownDirectives, UniqueDirectivesPerLocation, PossibleTypeExtensions,
/// KnownArgumentNamesOnDirectives, UniqueArgumentNames, UniqueInputFieldNames,
/// ProvidedRequiredArgumentsOnDirectives) for a document built into a new schema.
///
/// The rules run together in one walk of the document, in graphql-js's rule order at each
/// node, so the messages come out in the order graphql-js reports them.
///
/// Thread-safety: pure function.

#include <string>
#include <vector>

#include "graphql/language/ast.hpp"

namespace chat::graphql::detail {

std::vector<std::string> validate_sdl(const document_node& document);

}  // namespace chat::graphql::detail
