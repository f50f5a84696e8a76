#pragma once

// Owning handles for libgit2 objects. Include this only from git/ (and test fixtures that
// build repositories): it is the one header that pulls in <git2.h>.

#include "git/object_id.h"

#include <algorithm>
#include <git2.h>
#include <iterator>
#include <memory>
#include <string_view>

namespace mlfolio::git {

template<auto free_function> struct Free
{
  template<typename T> void operator()(T* handle) const noexcept { free_function(handle); }
};

template<typename T, auto free_function> using Handle = std::unique_ptr<T, Free<free_function>>;

using BlobPtr = Handle<git_blob, git_blob_free>;
using CommitPtr = Handle<git_commit, git_commit_free>;
using ConfigPtr = Handle<git_config, git_config_free>;
using IndexPtr = Handle<git_index, git_index_free>;
using ObjectPtr = Handle<git_object, git_object_free>;
using OdbPtr = Handle<git_odb, git_odb_free>;
using ReferencePtr = Handle<git_reference, git_reference_free>;
using RemotePtr = Handle<git_remote, git_remote_free>;
using RepositoryPtr = Handle<git_repository, git_repository_free>;
using RevwalkPtr = Handle<git_revwalk, git_revwalk_free>;
using SignaturePtr = Handle<git_signature, git_signature_free>;
using StatusListPtr = Handle<git_status_list, git_status_list_free>;
using TagPtr = Handle<git_tag, git_tag_free>;
using TreeEntryPtr = Handle<git_tree_entry, git_tree_entry_free>;
using TreePtr = Handle<git_tree, git_tree_free>;

// A git_buf filled by libgit2 and disposed of with it.
class Buffer
{
public:
  Buffer() = default;
  ~Buffer() { git_buf_dispose(&m_buf); }
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;
  git_buf* get() { return &m_buf; }
  std::string_view view() const { return {m_buf.ptr == nullptr ? "" : m_buf.ptr, m_buf.size}; }

private:
  git_buf m_buf = GIT_BUF_INIT;
};

static_assert(sizeof(git_oid::id) == sizeof(ObjectId::bytes));

inline ObjectId to_object_id(const git_oid& oid)
{
  ObjectId id;
  std::copy(std::begin(oid.id), std::end(oid.id), id.bytes.begin());
  return id;
}

inline git_oid to_git_oid(const ObjectId& id)
{
  git_oid oid;
  std::copy(id.bytes.begin(), id.bytes.end(), std::begin(oid.id));
  return oid;
}

} // namespace mlfolio::git
