import ArgumentParser

@main
struct Tutor: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Runs a book of Markdown chapters on backpropagation and checks every formula."
    )

    func run() throws {
        print("tutor: no chapter runs yet (the runner is not built)")
    }
}
