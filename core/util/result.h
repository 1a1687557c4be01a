#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace SparkDeck {

/// An error a user can act on: what failed, where, and what to do next.
struct Error
{
    QString message;
};

/// Either a value or an Error (ARCHITECTURE.md, rule 8): errors are values, never exceptions
/// crossing a signal. Modelled on std::expected, which C++17 lacks.
template<typename T>
class Result
{
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }

    const QString &errorMessage() const { return std::get<Error>(m_state).message; }

private:
    std::variant<T, Error> m_state;
};

/// Result of an operation that yields nothing but success.
using Status = Result<std::monostate>;
inline Status success() { return Status(std::monostate{}); }

} // namespace SparkDeck
