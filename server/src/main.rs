//! `expo-server`: serve, migrate, seed, admin.

/// mimalloc rather than the system allocator: a request allocates and frees many small
/// values from several threads, which glibc's allocator serves with locks and consolidation.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    server::cli::main().await
}
