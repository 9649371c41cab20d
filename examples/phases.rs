use std::time::Instant;
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let t = Instant::now();
    let c =
        brief::load::load_dir(std::path::Path::new(&dir), &Default::default(), &|_, _| {}).unwrap();
    eprintln!("load {:?}", t.elapsed());
    let t = Instant::now();
    c.prepare_search();
    eprintln!("index {:?}", t.elapsed());
    for q in [
        "cooperation frontex",
        "m",
        "migr",
        "coopération transfrontalière",
        "pays:NE traite",
        "\"trafic de migrants\"",
        "\"cooperation policiere\"",
    ] {
        let query = brief::Query::parse(q, &c).unwrap();
        let t = Instant::now();
        let (h, f) = brief::search::faceted(&c, &query, &Default::default());
        eprintln!(
            "{q}: {} hits {} actors {:?}",
            h.len(),
            f.actors.len(),
            t.elapsed()
        );
    }
}
