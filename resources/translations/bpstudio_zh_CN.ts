<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutBox</name>
    <message>
        <location filename="../../bpstudio/app/help.py" line="232"/>
        <source>About BP Studio</source>
        <translation>关于 BP Studio</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/help.py" line="233"/>
        <source>The font&apos;s licence (OFL)</source>
        <translation>字体许可证（OFL）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/help.py" line="237"/>
        <source>BP Studio: MIT licence.</source>
        <translation>BP Studio：MIT 许可证。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/help.py" line="238"/>
        <source>Bundled: the Chinese characters the interface writes, a subset of Noto Sans CJK SC (© 2014–2021 Adobe) renamed “BP Studio CJK”, under the SIL Open Font License 1.1: the button below shows it.</source>
        <translation>随附：界面所用的中文字符，取自 Noto Sans CJK SC（© 2014–2021 Adobe）的子集，更名为“BP Studio CJK”，按 SIL 开源字体许可证（SIL Open Font License）1.1 发布：点下面的按钮可以查看全文。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/help.py" line="241"/>
        <source>It runs on Qt and PySide6 (LGPL 3), pyqtgraph (MIT), numpy, h5py and threadpoolctl (BSD), installed beside it with their own licences.</source>
        <translation>它运行在 Qt 和 PySide6（LGPL 3）、pyqtgraph（MIT）、numpy、h5py 和 threadpoolctl（BSD）之上，这些库与它一同安装，各自遵循自己的许可证。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/help.py" line="244"/>
        <source>A visual simulator of back-propagation neural networks, for the classroom, after the tutorial “一文搞定BP神经网络”.</source>
        <translation>一个用于课堂教学的 BP（反向传播）神经网络可视化模拟器，依照教程《一文搞定BP神经网络》编写。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/help.py" line="246"/>
        <source>Licences</source>
        <translation>许可证</translation>
    </message>
</context>
<context>
    <name>AnimationDialog</name>
    <message>
        <location filename="../../bpstudio/app/animations.py" line="52"/>
        <source>Animation of this iteration</source>
        <translation>本次迭代的动画</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/animations.py" line="67"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/animations.py" line="70"/>
        <source>one sample (the one chosen)</source>
        <translation>单个样本（当前选中的）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/animations.py" line="71"/>
        <source>the whole batch</source>
        <translation>整批样本</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/animations.py" line="74"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/animations.py" line="75"/>
        <source>Size:</source>
        <translation>尺寸：</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/animations.py" line="76"/>
        <source>Each step shown for:</source>
        <translation>每步显示：</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/animations.py" line="77"/>
        <source>Samples:</source>
        <translation>样本：</translation>
    </message>
</context>
<context>
    <name>AnimationExport</name>
    <message>
        <location filename="../../bpstudio/session/animation_export.py" line="124"/>
        <source>what was exported changed while it was drawn</source>
        <translation>导出的内容在绘制过程中发生了变化</translation>
    </message>
</context>
<context>
    <name>Animations</name>
    <message>
        <location filename="../../bpstudio/app/animations.py" line="110"/>
        <source>Training is running: pause or stop it to export this iteration.</source>
        <translation>正在训练：请先暂停或停止训练，再导出本次迭代。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/animations.py" line="122"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/animations.py" line="134"/>
        <source>Animation of this iteration</source>
        <translation>本次迭代的动画</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/animations.py" line="135"/>
        <source>Laying out the iteration…</source>
        <translation>正在展开本次迭代…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/animations.py" line="140"/>
        <source>out of memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/animations.py" line="172"/>
        <source>Writing {name}: frame {k} of {n}</source>
        <translation>正在写入 {name}：第 {k} / {n} 帧</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/animations.py" line="174"/>
        <source>, about {s} s left</source>
        <translation>，约剩 {s} 秒</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/animations.py" line="191"/>
        <source>Exported {name}.</source>
        <translation>已导出 {name}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/animations.py" line="195"/>
        <source>{name}: could not export ({why})</source>
        <translation>{name}：无法导出（{why}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/animations.py" line="200"/>
        <source>The animation was not written: cancelled.</source>
        <translation>已取消，动画未写入。</translation>
    </message>
</context>
<context>
    <name>ChildWatch</name>
    <message>
        <location filename="../../bpstudio/session/child_watch.py" line="43"/>
        <source>The training process has been stopped by another program: the run does not go on. Stop ends it.</source>
        <translation>训练进程被另一个程序暂停了：训练不再进行。按“停止”可以结束它。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/child_watch.py" line="44"/>
        <source>The training process runs again.</source>
        <translation>训练进程又在运行了。</translation>
    </message>
</context>
<context>
    <name>ClassifyGallery</name>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="130"/>
        <source>The test set could not be classified ({why}).</source>
        <translation>无法识别测试集（{why}）。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="138"/>
        <source>centre crop</source>
        <translation>居中裁剪</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="139"/>
        <source>squash</source>
        <translation>压缩变形</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="140"/>
        <source>centre crop: cut the middle square, then resize; squash: resize the whole picture to a square</source>
        <translation>居中裁剪：截取中间的正方形再缩放；压缩变形：把整张图片缩放成正方形</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="142"/>
        <source>Preprocessing</source>
        <translation>预处理</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="143"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="144"/>
        <source>Drop pictures anywhere on the window, use File → Open images…, or paste one with Ctrl+V.</source>
        <translation>把图片拖到窗口任意位置，或用“文件 → 打开图片…”，或按 Ctrl+V 粘贴。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="146"/>
        <source>Train it now</source>
        <translation>现在训练</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="147"/>
        <source>only the misclassified</source>
        <translation>只看分错的</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="148"/>
        <source>Your images</source>
        <translation>你的图片</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="149"/>
        <source>Test set</source>
        <translation>测试集</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="150"/>
        <source>Your classified pictures</source>
        <translation>你分类的图片</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="152"/>
        <source>Each picture with the network&apos;s verdict: p(class 1), the class it says and how sure.</source>
        <translation>每张图片附有网络的判断：p(类别 1)、它判定的类别以及把握有多大。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="153"/>
        <source>Test set pictures with their verdicts</source>
        <translation>测试集图片及网络的判断</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="155"/>
        <source>Arrow keys choose a picture, Enter steps it with its true label.</source>
        <translation>方向键选择图片，回车键用它的真实标签单步演示。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="181"/>
        <source>input {shape}, cropped</source>
        <translation>输入 {shape}，已裁剪</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="182"/>
        <source>input {shape}, squashed</source>
        <translation>输入 {shape}，已压缩变形</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="254"/>
        <source>This network is untrained: its probabilities are noise.</source>
        <translation>这个网络还没有训练：它给出的概率只是噪声。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="276"/>
        <source>The test set gallery shows image data sets.</source>
        <translation>测试集图库只显示图像数据集。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="278"/>
        <source>No test set: the model was opened without data.</source>
        <translation>没有测试集：这个模型是在没有数据的情况下打开的。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="283"/>
        <source>Classifying the test images…</source>
        <translation>正在识别测试图片……</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="305"/>
        <source> ✗ (it is {truth})</source>
        <translation> ✗（实际是 {truth}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="309"/>
        <source>test picture {k}: p = {p}, the network says {said}; {verdict}</source>
        <translation>测试图片 {k}：p = {p}，网络判定为{said}；{verdict}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="311"/>
        <source>wrong, it is {truth}</source>
        <translation>错误，它其实是{truth}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="311"/>
        <source>right</source>
        <translation>正确</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="315"/>
        <source>{w} of {n} test images misclassified (accuracy {a}); striped orange frame = wrong; click one (or choose it and press Enter) to step it with its true label</source>
        <translation>{n} 张测试图片中有 {w} 张分类错误（准确率 {a}）；带斜纹的橙色边框表示错误；点一张图片（或选中后按回车键）即可用它的真实标签单步演示</translation>
    </message>
</context>
<context>
    <name>ClassifySession</name>
    <message>
        <location filename="../../bpstudio/session/classify.py" line="91"/>
        <source>The gallery could not be classified again ({why}).</source>
        <translation>无法重新识别图库中的图片（{why}）。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/classify.py" line="118"/>
        <source>{name}: no images in this folder</source>
        <translation>{name}：这个文件夹里没有图片</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/classify.py" line="122"/>
        <source>{name}: took the first {k} of {n} images; {s} skipped</source>
        <translation>{name}：取了 {n} 张图片中的前 {k} 张；跳过 {s} 张</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/classify.py" line="139"/>
        <source>{name}: no such file</source>
        <translation>{name}：文件不存在</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/classify.py" line="141"/>
        <source>{name}: not an image, a data set (.h5 or .csv), a model (.npz), a session (.bpstudio) or a lesson (.md)</source>
        <translation>{name}：不是图片、数据集（.h5 或 .csv）、模型（.npz）、会话（.bpstudio），也不是课程（.md）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/classify.py" line="181"/>
        <source>The clipboard holds no image.</source>
        <translation>剪贴板里没有图片。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/classify.py" line="218"/>
        <source>test image #{k}</source>
        <translation>测试图片 #{k}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/classify.py" line="258"/>
        <source>This network takes numbers, not images: open the cat data set (File → Open data set…) to classify pictures.</source>
        <translation>这个网络的输入是数字而不是图片：请先打开猫图数据集（文件 → 打开数据集…）再识别图片。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/classify.py" line="286"/>
        <source>{name}: cannot read this image ({why})</source>
        <translation>{name}：无法读取这张图片（{why}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/classify.py" line="345"/>
        <source>Pictures not added: {n}; the gallery holds at most {count} pictures and {mb} MB (clear it to add others)</source>
        <translation>未加入的图片：{n} 张；图库最多容纳 {count} 张图片、{mb} MB（清空图库后可以加入其他图片）</translation>
    </message>
</context>
<context>
    <name>ComparisonStory</name>
    <message>
        <location filename="../../bpstudio/widgets/twin_story.py" line="43"/>
        <source>The result appears here once both runs have ended.</source>
        <translation>两次训练都结束后，结果显示在这里。</translation>
    </message>
</context>
<context>
    <name>CostPlot</name>
    <message>
        <location filename="../../bpstudio/widgets/cost_plot.py" line="241"/>
        <source>log scale (cost)</source>
        <translation>对数刻度（代价）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/cost_plot.py" line="242"/>
        <source>cost</source>
        <translation>代价</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/cost_plot.py" line="242"/>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/cost_plot.py" line="244"/>
        <source>Show all of the curves</source>
        <translation>显示全部曲线</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/cost_plot.py" line="247"/>
        <source>cost C per iteration</source>
        <translation>每次迭代的代价 C</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/cost_plot.py" line="248"/>
        <source>accuracy (threshold {t})</source>
        <translation>准确率（阈值 {t}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/cost_plot.py" line="249"/>
        <source>‖dW[l]‖ per layer</source>
        <translation>各层的 ‖dW[l]‖</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/cost_plot.py" line="251"/>
        <source>iteration</source>
        <translation>迭代</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/cost_plot.py" line="253"/>
        <source>train cost</source>
        <translation>训练代价</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/cost_plot.py" line="254"/>
        <source>test cost</source>
        <translation>测试代价</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/cost_plot.py" line="255"/>
        <location filename="../../bpstudio/widgets/cost_plot.py" line="307"/>
        <source>one stepped sample: its loss L</source>
        <translation>单步演示的单个样本：它的损失 L</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/cost_plot.py" line="256"/>
        <location filename="../../bpstudio/widgets/plot_words.py" line="53"/>
        <source>train</source>
        <translation>训练集</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/cost_plot.py" line="256"/>
        <location filename="../../bpstudio/widgets/plot_words.py" line="54"/>
        <source>test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/cost_plot.py" line="265"/>
        <source>Training plots: cost, accuracy and ‖dW[l]‖ per iteration</source>
        <translation>训练曲线：每次迭代的代价、准确率和 ‖dW[l]‖</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/plot_words.py" line="33"/>
        <source>No cost yet: train the network to draw its cost curve.</source>
        <translation>还没有代价：训练网络后才会画出代价曲线。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/plot_words.py" line="38"/>
        <source>Cost C of {iteration}: {c}</source>
        <translation>{iteration}的代价 C 为 {c}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/plot_words.py" line="44"/>
        <source>about flat</source>
        <translation>基本持平</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/plot_words.py" line="45"/>
        <source>falling</source>
        <translation>正在下降</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/plot_words.py" line="46"/>
        <source>rising</source>
        <translation>正在上升</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/plot_words.py" line="47"/>
        <source>{trend} ({c} at {iteration})</source>
        <translation>{trend}（{iteration}时为 {c}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/plot_words.py" line="57"/>
        <source>Accuracy: {values}</source>
        <translation>准确率：{values}</translation>
    </message>
</context>
<context>
    <name>CurrentSample</name>
    <message>
        <location filename="../../bpstudio/session/current_sample.py" line="104"/>
        <source>your image {name}</source>
        <translation>你的图片 {name}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/current_sample.py" line="105"/>
        <source>{name} ({label})</source>
        <translation>{name}（{label}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/current_sample.py" line="107"/>
        <source>none yet (no data: drop a picture)</source>
        <translation>暂无（没有数据：请拖入一张图片）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/current_sample.py" line="108"/>
        <source>#{k} of the training set ({label})</source>
        <translation>训练集第 {k} 个（{label}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/current_sample.py" line="117"/>
        <source>y = {y}, {name}</source>
        <translation>y = {y}，{name}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/current_sample.py" line="133"/>
        <source>{name} gives {n} inputs; this network takes {m}.</source>
        <translation>{name} 有 {n} 个输入；这个网络需要 {m} 个。</translation>
    </message>
</context>
<context>
    <name>DataChoice</name>
    <message>
        <location filename="../../bpstudio/session/data_choice.py" line="73"/>
        <source>Stop training before changing the network or the data set.</source>
        <translation>请先停止训练，再修改网络或数据集。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/data_choice.py" line="113"/>
        <source>The images of {name} were read, but the network was busy; open the folder again when training stops.</source>
        <translation>{name} 的图片已读取，但网络正忙；训练停止后请重新打开该文件夹。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/data_choice.py" line="117"/>
        <source>{name}: {n} images read ({train} training, {test} test).</source>
        <translation>{name}：读取了 {n} 张图片（训练 {train} 张，测试 {test} 张）。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/data_choice.py" line="123"/>
        <source>Skipped 1 file that could not be read: {files}</source>
        <translation>跳过了 1 个无法读取的文件：{files}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/data_choice.py" line="124"/>
        <source>Skipped {n} files that could not be read: {files}</source>
        <translation>跳过了 {n} 个无法读取的文件：{files}</translation>
    </message>
</context>
<context>
    <name>EquationPanel</name>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="170"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="170"/>
        <source>◀ Previous</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="171"/>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="171"/>
        <source>End of iteration</source>
        <translation>迭代结束</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="172"/>
        <source>Forward pass</source>
        <translation>前向传播</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="173"/>
        <source>Backward pass</source>
        <translation>反向传播</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="173"/>
        <source>Update</source>
        <translation>参数更新</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="175"/>
        <source>back to the start of the iteration (Home)</source>
        <translation>回到本次迭代的开头（Home）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="177"/>
        <source>previous step (←)</source>
        <translation>上一步（←）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="178"/>
        <source>next step (→)</source>
        <translation>下一步（→）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="180"/>
        <source>previous step (← or Page Up)</source>
        <translation>上一步（← 或 Page Up）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="181"/>
        <source>next step (Space, → or Page Down)</source>
        <translation>下一步（空格、→ 或 Page Down）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="182"/>
        <source>one sample</source>
        <translation>单个样本</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="183"/>
        <source>whole batch</source>
        <translation>整批样本</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="186"/>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="187"/>
        <source>which training sample</source>
        <translation>第几个训练样本</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="188"/>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="189"/>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="315"/>
        <source>the iteration&apos;s steps</source>
        <translation>本次迭代的各步</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="283"/>
        <source>Laying out {iteration} of a network with {n} weights…</source>
        <translation>正在展开一个有 {n} 个权重的网络的{iteration}…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="286"/>
        <source>{iteration} of a network with {n} weights. Press → to lay it out and begin.</source>
        <translation>{iteration}，网络共有 {n} 个权重。按 → 展开本次迭代并开始。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="288"/>
        <source>{iteration} of a network with {n} weights. Press → or Space to lay it out and begin.</source>
        <translation>{iteration}，网络共有 {n} 个权重。按 → 或空格键展开本次迭代并开始。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="301"/>
        <source>{formula}: {heading}, layer {l}</source>
        <translation>{formula}：{heading}，第 {l} 层</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="318"/>
        <source>{iteration}: {n} steps on one sample, {name}.</source>
        <translation>{iteration}：{n} 个步骤，针对一个样本——{name}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="321"/>
        <source>{iteration}: {n} steps on {m} samples.</source>
        <translation>{iteration}：{m} 个样本上的 {n} 个步骤。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="358"/>
        <source>the result of {step}</source>
        <translation>{step}的结果</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="360"/>
        <source>operand {k} of {step}</source>
        <translation>{step}的第 {k} 个运算数</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="384"/>
        <source>Apply this sample&apos;s step to the network</source>
        <translation>把这个样本的这一步应用到网络</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="385"/>
        <source>Apply this update to the network</source>
        <translation>把这次更新应用到网络</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="387"/>
        <source>End of {iteration} on one sample ({who}): the network has not changed. Apply this sample&apos;s gradient step to move it to {next}, or press Home to step it again.</source>
        <translation>单个样本（{who}）上的{iteration}结束：网络还没有改变。应用这个样本的这一步梯度下降，网络就到了{next}；或者按 Home 重新单步演示。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="390"/>
        <source>End of {iteration}: the network has not changed. Apply this update to move it to {next}, or press Home to step it again.</source>
        <translation>{iteration}结束：网络还没有改变。应用这次更新，网络就到了{next}；或者按 Home 重新单步演示。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="394"/>
        <source>End of {iteration}, a past one of the run: shown, not applied. Go back to now, or continue from here, to change the network.</source>
        <translation>{iteration}结束，这是本次训练过去的一次迭代：只显示，不应用。要改变网络，请回到现在，或从这里继续。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="397"/>
        <source>End of {iteration}: training is paused; stop it to apply this update.</source>
        <translation>{iteration}结束：训练已暂停；停止训练后才能应用这次更新。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="416"/>
        <source>forward pass, loss, backward pass, update — one equation at a time</source>
        <translation>前向传播、损失、反向传播、参数更新——一次一个公式</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="422"/>
        <source>the forward pass</source>
        <translation>前向传播</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="190"/>
        <source>Why this equation?</source>
        <translation>为什么是这个公式？</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="202"/>
        <source>{name} ({term})</source>
        <translation>{name}（{term}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="204"/>
        <source>{group}: {title}</source>
        <translation>{group}：{title}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="206"/>
        <source>equation {label}</source>
        <translation>等式{label}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="209"/>
        <source>, then </source>
        <translation>，再</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="214"/>
        <source>Step forward with →; F1 explains the equation on screen.</source>
        <translation>按 → 向前一步；F1 解释屏幕上的公式。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="216"/>
        <source>Step forward with → or Space; F1 explains the equation on screen.</source>
        <translation>按 → 或空格向前一步；F1 解释屏幕上的公式。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="270"/>
        <source>Training is running; stepping waits until it stops.</source>
        <translation>正在训练；训练停止后才能单步演示。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="331"/>
        <source>layer {l}</source>
        <translation>第 {l} 层</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="340"/>
        <source>y = {y} ({name}): the class of this picture</source>
        <translation>y = {y}（{name}）：这张图片的类别</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="369"/>
        <source>The forward pass is done. Which class is {name}? The loss needs its label y; without one, only the forward pass can be stepped.</source>
        <translation>前向传播已完成。{name} 属于哪一类？损失函数需要它的标签 y；没有标签就只能单步演示前向传播。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="373"/>
        <source>{name} (y = {y})</source>
        <translation>{name}（y = {y}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="418"/>
        <source>forward pass, cost, backward pass, update — one equation at a time</source>
        <translation>前向传播、代价、反向传播、参数更新——一次一个公式</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="329"/>
        <source>Step {k} of {n}</source>
        <translation>第 {k} / {n} 步</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="184"/>
        <source>one sample: vectors, the tutorial&apos;s single-sample table; the whole batch: matrices, its multi-sample table</source>
        <translation>单个样本：向量，对应教程的单样本公式表；整批样本：矩阵，对应多样本公式表</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="324"/>
        <source>Its class is asked for after the forward pass.</source>
        <translation>前向传播之后会询问它的类别。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="325"/>
        <source>Press → to begin.</source>
        <translation>按 → 开始。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="326"/>
        <source>Press → or Space to begin.</source>
        <translation>按 → 或空格开始。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="350"/>
        <source>Step {k} of {n}. {title}. {formula}. Operands: {operands}. Result: {result}.</source>
        <translation>第 {k} 步（共 {n} 步）。{title}。{formula}。运算数：{operands}。结果：{result}。</translation>
    </message>
</context>
<context>
    <name>ExplainPane</name>
    <message>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="151"/>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="153"/>
        <source>close the explanation (Esc)</source>
        <translation>关闭解释（Esc）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="155"/>
        <source>ε:</source>
        <translation>ε：</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="157"/>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="158"/>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="159"/>
        <source>export the explanation as CSV: every term of the sum, with all its digits</source>
        <translation>把解释导出为 CSV：求和的每一项，保留全部位数</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="172"/>
        <source>the gradient check: the loss L with this weight a little larger and a little smaller, its slope beside backprop&apos;s ∂L/∂w (nothing is changed)</source>
        <translation>梯度检验：这个权重稍大一点、稍小一点时的损失 L，它的斜率与反向传播算出的 ∂L/∂w 并列（不改动任何东西）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="175"/>
        <source>the gradient check: the cost C with this weight a little larger and a little smaller, its slope beside backprop&apos;s dW (nothing is changed)</source>
        <translation>梯度检验：这个权重稍大一点、稍小一点时的代价 C，它的斜率与反向传播算出的 dW 并列（不改动任何东西）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="223"/>
        <source>… + {n} more terms (the {k} largest are listed)</source>
        <translation>… + 其余 {n} 项（列出的是绝对值最大的 {k} 项）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="227"/>
        <source>sum of the {n} terms</source>
        <translation>{n} 项之和</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="244"/>
        <source>✓ the same number as the cell: {value}</source>
        <translation>✓ 与格子里的数相同：{value}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="247"/>
        <source>The cell, computed in float32, is {value}: the two agree to {d} significant digits (float32 keeps about 7; the sum here is done in float64).</source>
        <translation>格子里的数按 float32 计算，是 {value}：两者有 {d} 位有效数字相同（float32 约保留 7 位；这里的求和用 float64）。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="250"/>
        <source>The cell is {value}: the two agree to {d} significant digits.</source>
        <translation>格子里的数是 {value}：两者有 {d} 位有效数字相同。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="261"/>
        <source>The chain rule for {w}</source>
        <translation>{w} 的链式法则</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="264"/>
        <source>∂L/∂w is a product of local derivatives along each path from the weight to the output: a (how z changes with w), σ′ (how a changes with z) and w (how the next z changes with a) layer by layer, then the output&apos;s error δ. The paths add up.</source>
        <translation>∂L/∂w 是沿着从该权重到输出的每一条路径上局部导数的乘积：a（z 随 w 的变化率）、σ′（a 随 z 的变化率）和 w（下一层 z 随 a 的变化率），逐层相乘，最后乘以输出层误差 δ。各条路径相加。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="268"/>
        <source>For one sample i, ∂L⁽ⁱ⁾/∂w is a product of local derivatives along each path from the weight to the output: A (how Z changes with w), σ′ (how A changes with Z) and w (how the next Z changes with A) layer by layer, then the output&apos;s error dZ. The paths add up.</source>
        <translation>对一个样本 i，∂L⁽ⁱ⁾/∂w 是沿着从该权重到输出的每一条路径上局部导数的乘积：A（Z 随 w 的变化率）、σ′（A 随 Z 的变化率）和 w（下一层 Z 随 A 的变化率），逐层相乘，最后乘以输出层误差 dZ。各条路径相加。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="275"/>
        <source>1 path in sample {i}:</source>
        <translation>样本 {i} 中的 1 条路径：</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="275"/>
        <source>{n} paths in sample {i}:</source>
        <translation>样本 {i} 中的 {n} 条路径：</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="276"/>
        <source>1 path:</source>
        <translation>1 条路径：</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="276"/>
        <source>{n} paths:</source>
        <translation>{n} 条路径：</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="285"/>
        <source>… + 1 more path</source>
        <translation>… + 其余 1 条路径</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="321"/>
        <source>In this sample a ReLU switches on or off between w − ε and w + ε: the loss bends there, and the slope across the bend is not the derivative. A smaller ε avoids it.</source>
        <translation>在这个样本中，某个 ReLU 在 w − ε 与 w + ε 之间由开变关或由关变开：损失在那里有折点，跨过折点的斜率不是导数。换一个更小的 ε 可以避开。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="324"/>
        <source>In {n} of the {m} samples a ReLU switches on or off between w − ε and w + ε: the cost bends there, and the slope across the bend is not the derivative. A smaller ε avoids it.</source>
        <translation>{m} 个样本中有 {n} 个，某个 ReLU 在 w − ε 与 w + ε 之间由开变关或由关变开：代价在那里有折点，跨过折点的斜率不是导数。换一个更小的 ε 可以避开。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="329"/>
        <source>This network computes in float32, about 7 significant digits: subtracting two numbers that close loses most of them. The same nudge in float64 gives {slope}, agreeing with ∂L/∂w to {d} digits; the rest of the gap is float32&apos;s rounding, not backprop.</source>
        <translation>这个网络用 float32 计算，约有 7 位有效数字：两个如此接近的数相减会丢掉其中大部分。用 float64 做同样的微调得到 {slope}，与 ∂L/∂w 有 {d} 位相同；剩下的差距来自 float32 的舍入，而不是反向传播。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="333"/>
        <source>This network computes in float32, about 7 significant digits: subtracting two numbers that close loses most of them. The same nudge in float64 gives {slope}, agreeing with dW to {d} digits; the rest of the gap is float32&apos;s rounding, not backprop.</source>
        <translation>这个网络用 float32 计算，约有 7 位有效数字：两个如此接近的数相减会丢掉其中大部分。用 float64 做同样的微调得到 {slope}，与 dW 有 {d} 位相同；剩下的差距来自 float32 的舍入，而不是反向传播。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="356"/>
        <source>Each pixel&apos;s w·A, its three colours added: blue pushed Z up, orange pushed it down (±{scale} at full colour).</source>
        <translation>每个像素的 w·A（三个颜色通道相加）：蓝色把 Z 推高，橙色把 Z 拉低（颜色最深处为 ±{scale}）。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="286"/>
        <source>… + {n} more paths</source>
        <translation>… + 其余 {n} 条路径</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="152"/>
        <source>&amp;Nudge the weight ±ε</source>
        <translation>把权重微调 ±ε(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="154"/>
        <source>where the number comes from</source>
        <translation>这个数从哪里来</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="290"/>
        <source>{n} paths: too many to list; equation 2 adds them up layer by layer.</source>
        <translation>{n} 条路径：太多，无法一一列出；等式2 逐层把它们加起来。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="297"/>
        <source>The same paths in each of the {m} samples, averaged: ∂C/∂w = {batch}</source>
        <translation>在 {m} 个样本中各自沿同样的路径求和，再取平均：∂C/∂w = {batch}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="301"/>
        <source>The backward pass computed ∂L/∂w = {dW}: the two agree to {d} significant digits.</source>
        <translation>反向传播算出的 ∂L/∂w = {dW}：两者有 {d} 位有效数字相同。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="303"/>
        <source>The backward pass computed dW = {dW}: the two agree to {d} significant digits.</source>
        <translation>反向传播算出的 dW = {dW}：两者有 {d} 位有效数字相同。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="308"/>
        <source>Checking it by nudging the weight</source>
        <translation>微调权重来检验</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="311"/>
        <source>With ε = {eps}: L(w + ε) = {plus}, L(w − ε) = {minus}; the slope (L(w + ε) − L(w − ε)) / 2ε = {slope}. Backprop&apos;s ∂L/∂w = {dW}. They agree to {d} significant digits.</source>
        <translation>取 ε = {eps}：L(w + ε) = {plus}，L(w − ε) = {minus}；斜率 (L(w + ε) − L(w − ε)) / 2ε = {slope}。反向传播算出的 ∂L/∂w = {dW}。两者有 {d} 位有效数字相同。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="314"/>
        <source>With ε = {eps}: C(w + ε) = {plus}, C(w − ε) = {minus}; the slope (C(w + ε) − C(w − ε)) / 2ε = {slope}. Backprop&apos;s dW = {dW}. They agree to {d} significant digits.</source>
        <translation>取 ε = {eps}：C(w + ε) = {plus}，C(w − ε) = {minus}；斜率 (C(w + ε) − C(w − ε)) / 2ε = {slope}。反向传播算出的 dW = {dW}。两者有 {d} 位有效数字相同。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/explain_pane.py" line="354"/>
        <source>Each pixel&apos;s w·a, its three colours added: blue pushed z up, orange pushed it down (±{scale} at full colour).</source>
        <translation>每个像素的 w·a（三个颜色通道相加）：蓝色把 z 推高，橙色把 z 拉低（颜色最深处为 ±{scale}）。</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../bpstudio/app/file_actions.py" line="90"/>
        <source>Opened {name}.</source>
        <translation>已打开 {name}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/file_actions.py" line="91"/>
        <source>Restored the autosaved work.</source>
        <translation>已恢复自动保存的工作。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/file_actions.py" line="104"/>
        <source>(none yet)</source>
        <translation>（还没有）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/file_actions.py" line="110"/>
        <source>Open the cat data set (either .h5 file)</source>
        <translation>打开猫图数据集（任一 .h5 文件）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/file_actions.py" line="111"/>
        <source>HDF5 data (*.h5 *.hdf5);;All files (*)</source>
        <translation>HDF5 数据 (*.h5 *.hdf5);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/file_actions.py" line="117"/>
        <source>Open the folder holding the cat data set</source>
        <translation>打开存放猫图数据集的文件夹</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/file_actions.py" line="123"/>
        <source>Open CSV data: feature columns and a 0/1 label column</source>
        <translation>打开 CSV 数据：若干特征列和一列 0/1 标签</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/file_actions.py" line="124"/>
        <source>CSV (*.csv *.txt);;All files (*)</source>
        <translation>CSV (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/file_actions.py" line="131"/>
        <source>A folder with one sub-folder of images per class (e.g. cat/, not-cat/)</source>
        <translation>每个类别一个子文件夹的图片文件夹（例如 cat/、not-cat/）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/file_actions.py" line="134"/>
        <source>Image size</source>
        <translation>图片尺寸</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/file_actions.py" line="135"/>
        <source>Resize every image to N×N pixels:</source>
        <translation>把每张图片缩放为 N×N 像素：</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/file_actions.py" line="142"/>
        <source>Open images to classify</source>
        <translation>打开要分类的图片</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/file_actions.py" line="143"/>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff);;All files (*)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/file_actions.py" line="148"/>
        <source>Open a model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/file_actions.py" line="149"/>
        <source>Models (*.npz)</source>
        <translation>模型 (*.npz)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/file_actions.py" line="154"/>
        <source>Open a session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/file_actions.py" line="155"/>
        <location filename="../../bpstudio/app/file_actions.py" line="182"/>
        <source>Sessions (*.bpstudio)</source>
        <translation>会话 (*.bpstudio)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/file_actions.py" line="181"/>
        <source>Save the session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/file_actions.py" line="197"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/file_actions.py" line="205"/>
        <location filename="../../bpstudio/app/file_actions.py" line="245"/>
        <source>{name}: could not export ({why})</source>
        <translation>{name}：无法导出（{why}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/file_actions.py" line="208"/>
        <source>Exported {name}.</source>
        <translation>已导出 {name}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/file_actions.py" line="232"/>
        <source>Export the current step&apos;s matrices into</source>
        <translation>把当前步骤的矩阵导出到</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/file_actions.py" line="240"/>
        <source>No step yet: press → to take the first one.</source>
        <translation>还没有步骤：按 → 走第一步。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/file_actions.py" line="248"/>
        <source>Exported {n} matrices to {folder}.</source>
        <translation>已把 {n} 个矩阵导出到 {folder}。</translation>
    </message>
</context>
<context>
    <name>FileLoader</name>
    <message>
        <location filename="../../bpstudio/session/loading.py" line="93"/>
        <source>Stopped recomputing {name}.</source>
        <translation>已停止重新计算{name}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/loading.py" line="94"/>
        <source>Stopped reading {name}; nothing was changed.</source>
        <translation>已停止读取 {name}；什么都没有改动。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/loading.py" line="150"/>
        <source>{name}: not enough memory to read it</source>
        <translation>{name}：可用内存太少，无法读取</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/loading.py" line="154"/>
        <source>{name}: cannot be read ({why})</source>
        <translation>{name}：无法读取（{why}）</translation>
    </message>
</context>
<context>
    <name>ForkDialog</name>
    <message>
        <location filename="../../bpstudio/widgets/twin_views.py" line="182"/>
        <source>Fork a twin run</source>
        <translation>分叉出一个对照训练</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/twin_views.py" line="183"/>
        <source>Learning rate α</source>
        <translation>学习率 α</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/twin_views.py" line="183"/>
        <source>Initialiser</source>
        <translation>初始化方法</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/twin_views.py" line="184"/>
        <source>Hidden activation</source>
        <translation>隐含层激活函数</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/twin_views.py" line="185"/>
        <source>Batch size (0: full batch)</source>
        <translation>批大小（0：全批量）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/twin_views.py" line="186"/>
        <source>L2 λ</source>
        <translation>L2 λ</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/twin_views.py" line="189"/>
        <source>From the time cursor&apos;s iteration (else from the start, with the same initial parameters)</source>
        <translation>从时间游标所在的迭代开始（否则从头开始，使用相同的初始参数）</translation>
    </message>
</context>
<context>
    <name>FormulaWords</name>
    <message>
        <location filename="../../bpstudio/widgets/formula_words.py" line="40"/>
        <source> sigma prime </source>
        <translation> σ′ </translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/formula_words.py" line="41"/>
        <source> sigma </source>
        <translation> σ </translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/formula_words.py" line="42"/>
        <source>delta</source>
        <translation>δ</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/formula_words.py" line="43"/>
        <source>alpha</source>
        <translation>α</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/formula_words.py" line="44"/>
        <source>lambda</source>
        <translation>λ</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/formula_words.py" line="27"/>
        <source>; the learning rate alpha equals </source>
        <translation>；学习率 α 等于 </translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/formula_words.py" line="28"/>
        <source> the sum of the squares of all weights </source>
        <translation> 所有权重的平方和 </translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/formula_words.py" line="30"/>
        <source> the partial derivative of {f} with respect to {x} </source>
        <translation> {f} 对 {x} 的偏导数 </translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/formula_words.py" line="31"/>
        <source> the gradient of {g} with respect to a </source>
        <translation> {g} 对 a 的梯度 </translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/formula_words.py" line="32"/>
        <source> the sum over the samples of {s} </source>
        <translation> 所有样本的 {s} 之和 </translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/formula_words.py" line="33"/>
        <source> {i} of sample i </source>
        <translation> 第 i 个样本的 {i} </translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/formula_words.py" line="34"/>
        <source> {t} transposed </source>
        <translation> {t} 的转置 </translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/formula_words.py" line="35"/>
        <source> sigma prime of {d} </source>
        <translation> 激活函数的导数 σ′({d}) </translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/formula_words.py" line="37"/>
        <source> {fn} of {a} </source>
        <translation> {fn}({a}) </translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/formula_words.py" line="38"/>
        <source> {n} over {m} </source>
        <translation> {m} 分之 {n} </translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/formula_words.py" line="39"/>
        <source> the negative of </source>
        <translation> 负的 </translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/formula_words.py" line="45"/>
        <source> one half times </source>
        <translation> 二分之一乘以 </translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/formula_words.py" line="46"/>
        <source> squared </source>
        <translation> 的平方 </translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/formula_words.py" line="47"/>
        <source> times element by element </source>
        <translation> 逐元素乘以 </translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/formula_words.py" line="48"/>
        <source> times </source>
        <translation> 乘以 </translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/formula_words.py" line="49"/>
        <source> becomes </source>
        <translation> 更新为 </translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/formula_words.py" line="50"/>
        <source> equals </source>
        <translation> 等于 </translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/formula_words.py" line="51"/>
        <source> minus </source>
        <translation> 减 </translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/formula_words.py" line="52"/>
        <source> plus </source>
        <translation> 加 </translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/formula_words.py" line="53"/>
        <source> over </source>
        <translation> 除以 </translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/formula_words.py" line="89"/>
        <source>{group} of layer {l}, {title}</source>
        <translation>第 {l} 层的{group}，{title}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/formula_words.py" line="93"/>
        <source>{title} of layer {l}</source>
        <translation>第 {l} 层的{title}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/formula_words.py" line="98"/>
        <source>equation {label}, {name}</source>
        <translation>等式{label}，{name}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/formula_words.py" line="103"/>
        <source>{name}: {formula}</source>
        <translation>{name}：{formula}</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../bpstudio/app/help.py" line="119"/>
        <source>BP Studio user guide</source>
        <translation>BP Studio 使用指南</translation>
    </message>
</context>
<context>
    <name>IterationFrames</name>
    <message>
        <location filename="../../bpstudio/widgets/step_frames.py" line="85"/>
        <source>the network, its parameters or the sample changed while the iteration was drawn</source>
        <translation>绘制这次迭代时，网络、它的参数或样本发生了变化</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/step_frames.py" line="124"/>
        <source>Network {layers} ({functions})</source>
        <translation>网络 {layers}（{functions}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/step_frames.py" line="128"/>
        <source>The input: {name}</source>
        <translation>输入：{name}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/step_frames.py" line="130"/>
        <source>{data}: sample {name}</source>
        <translation>{data} · 样本：{name}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/step_frames.py" line="133"/>
        <source>{data}: the whole batch of {m} samples</source>
        <translation>{data}：整批 {m} 个样本</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/step_frames.py" line="134"/>
        <source>{data}: the whole batch of 1 sample</source>
        <translation>{data}：整批 1 个样本</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/step_frames.py" line="138"/>
        <source>{iteration}: {n} steps, one equation each — the forward pass only (no label: no loss L, no backward pass)</source>
        <translation>{iteration}：{n} 个步骤，每步一个公式——只有前向传播（没有标签：没有损失 L，也没有反向传播）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/step_frames.py" line="140"/>
        <source>{iteration}: {n} steps, one equation each — forward pass, loss, backward pass, update</source>
        <translation>{iteration}：{n} 个步骤，每步一个公式——前向传播、损失、反向传播、参数更新</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/step_frames.py" line="142"/>
        <source>{iteration}: {n} steps, one equation each — forward pass, cost, backward pass, update</source>
        <translation>{iteration}：{n} 个步骤，每步一个公式——前向传播、代价、反向传播、参数更新</translation>
    </message>
</context>
<context>
    <name>LayerEditor</name>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="167"/>
        <source>Presets…</source>
        <translation>预设…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="172"/>
        <source>a data set from a file</source>
        <translation>来自文件的数据集</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="175"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="176"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="177"/>
        <source>Layers</source>
        <translation>网络层</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="178"/>
        <source>Add hidden layer</source>
        <translation>添加隐含层</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="179"/>
        <source>Hidden layers take 1 to {n} neurons. Changing the network re-initialises it; Ctrl+Z brings the trained one back.</source>
        <translation>隐含层可有 1 到 {n} 个神经元。修改网络会重新初始化参数；按 Ctrl+Z 可恢复训练好的网络。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="182"/>
        <source>Hyper-parameters</source>
        <translation>超参数</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="184"/>
        <source>Learning rate α</source>
        <translation>学习率 α</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="184"/>
        <source>Iterations</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="184"/>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="184"/>
        <source>L2 λ</source>
        <translation>L2 λ</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="185"/>
        <source>Initialiser</source>
        <translation>初始化方法</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="185"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="185"/>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="185"/>
        <source>Cost</source>
        <translation>代价函数</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="187"/>
        <source>learning rate α on a log scale, 10⁻⁵ … 10</source>
        <translation>对数刻度的学习率 α，10⁻⁵ … 10</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="188"/>
        <source>full batch</source>
        <translation>整批</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="189"/>
        <source>float64 (exact)</source>
        <translation>float64（精确）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="190"/>
        <source>float32 (fast)</source>
        <translation>float32（快速）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="192"/>
        <source>binary cross-entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="192"/>
        <source>mean squared error</source>
        <translation>均方误差</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="236"/>
        <source>{shape} images</source>
        <translation>{shape} 的图像</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="237"/>
        <source>1 feature</source>
        <translation>1 个特征</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="238"/>
        <source>{n} features</source>
        <translation>{n} 个特征</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="241"/>
        <source>{name}: {train} training and {test} test samples, {kind}</source>
        <translation>{name}：{train} 个训练样本和 {test} 个测试样本，{kind}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="246"/>
        <source>No data: the model {name} takes {kind} ({classes}). It classifies the pictures you drop; to train it, open a data set.</source>
        <translation>没有数据：模型 {name} 的输入是 {kind}（{classes}）。它能识别你拖入的图片；要训练它，请打开一个数据集。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="263"/>
        <source>input</source>
        <translation>输入层</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="264"/>
        <source>{n} (from the data)</source>
        <translation>{n}（由数据决定）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="271"/>
        <source>output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="272"/>
        <source>layer {l}</source>
        <translation>第 {l} 层</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="278"/>
        <source>the output is one unit for a yes/no task</source>
        <translation>是/否任务的输出只有一个神经元</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="279"/>
        <source>neurons in layer {l} (1–{n})</source>
        <translation>第 {l} 层的神经元个数（1–{n}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="287"/>
        <source>cross-entropy needs a sigmoid output</source>
        <translation>交叉熵要求输出层使用 sigmoid</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="295"/>
        <source>remove layer {l}</source>
        <translation>删除第 {l} 层</translation>
    </message>
</context>
<context>
    <name>LessonPane</name>
    <message>
        <location filename="../../bpstudio/widgets/lesson_pane.py" line="105"/>
        <source>Check my answer</source>
        <translation>检查我的答案</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/lesson_pane.py" line="106"/>
        <source>Show the answer</source>
        <translation>显示答案</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/lesson_pane.py" line="107"/>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/lesson_pane.py" line="108"/>
        <source>Next (Space)</source>
        <translation>下一步（空格）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/lesson_pane.py" line="109"/>
        <source>Save answers…</source>
        <translation>保存答案…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/lesson_pane.py" line="110"/>
        <source>Your prediction</source>
        <translation>你的预测</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/lesson_pane.py" line="137"/>
        <source>Setting up the app for this beat…</source>
        <translation>正在为这个节拍准备应用…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/lesson_pane.py" line="199"/>
        <source>The app says: {value}</source>
        <translation>应用给出：{value}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/lesson_pane.py" line="201"/>
        <source>Right: the app says {value}.</source>
        <translation>答对了：应用给出 {value}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/lesson_pane.py" line="203"/>
        <source>Not quite: the app says {value}.</source>
        <translation>不完全对：应用给出 {value}。</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <location filename="../../bpstudio/app/lessons.py" line="147"/>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/lessons.py" line="148"/>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/lessons.py" line="149"/>
        <source>Next beat of the lesson</source>
        <translation>课程的下一个节拍</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/lessons.py" line="150"/>
        <source>Beat before</source>
        <translation>上一个节拍</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/lessons.py" line="151"/>
        <source>Open a lesson file…</source>
        <translation>打开课程文件…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/lessons.py" line="152"/>
        <source>Leave the lesson</source>
        <translation>离开课程</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/lessons.py" line="153"/>
        <source>Record a lesson</source>
        <translation>录制课程</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/lessons.py" line="154"/>
        <source>Record this as a beat</source>
        <translation>把现在录为一个节拍</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/lessons.py" line="189"/>
        <source>Resumed where the lesson was left: {where}. Page Up goes back.</source>
        <translation>从上次离开的地方继续：{where}。Page Up 返回。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/lessons.py" line="194"/>
        <source>Open a lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/lessons.py" line="195"/>
        <location filename="../../bpstudio/app/lessons.py" line="228"/>
        <source>Lessons (*.md)</source>
        <translation>课程 (*.md)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/lessons.py" line="205"/>
        <source>Save the answers</source>
        <translation>保存答案</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/lessons.py" line="209"/>
        <source>Saved 1 answer in {name}.</source>
        <translation>已把 1 个答案保存到 {name}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/lessons.py" line="210"/>
        <source>Saved {n} answers in {name}.</source>
        <translation>已把 {n} 个答案保存到 {name}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/lessons.py" line="221"/>
        <source>Recording: set up the app, then {key} records each beat; Record again saves the lesson.</source>
        <translation>正在录制：把应用设置好，按 {key} 录下每个节拍；再点“录制课程”保存课程。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/lessons.py" line="227"/>
        <source>Save the recorded lesson</source>
        <translation>保存录制的课程</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/lessons.py" line="237"/>
        <source>Saved the lesson of 1 beat in {name}.</source>
        <translation>已把有 1 个节拍的课程保存到 {name}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/lessons.py" line="238"/>
        <source>Saved the lesson of {n} beats in {name}.</source>
        <translation>已把有 {n} 个节拍的课程保存到 {name}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/lessons.py" line="246"/>
        <source>Beat {k} recorded: {lines}</source>
        <translation>已录下第 {k} 个节拍：{lines}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/lessons.py" line="247"/>
        <source>nothing changed</source>
        <translation>没有变化</translation>
    </message>
</context>
<context>
    <name>LoadProgress</name>
    <message>
        <location filename="../../bpstudio/widgets/load_progress.py" line="49"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/load_progress.py" line="52"/>
        <source>Stop reading (Esc); nothing is changed</source>
        <translation>停止读取（Esc）；什么都不会改动</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/load_progress.py" line="60"/>
        <source>Recomputing {name}…</source>
        <translation>正在重新计算 {name}…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/load_progress.py" line="62"/>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/load_progress.py" line="75"/>
        <source>, about {s} s left</source>
        <translation>，约剩 {s} 秒</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/load_progress.py" line="77"/>
        <source>Recomputing {name}: {k} of {n} iterations{eta}</source>
        <translation>正在重新计算 {name}：{k} / {n} 次迭代{eta}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/load_progress.py" line="80"/>
        <source>Reading {name}: {k} of {n} images{eta}</source>
        <translation>正在读取 {name}：{k} / {n} 张图片{eta}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/load_progress.py" line="83"/>
        <source>Reading {name}: {k} of {n} MB{eta}</source>
        <translation>正在读取 {name}：{k} / {n} MB{eta}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="192"/>
        <source>The view is on the clipboard as a picture ({w}×{h}).</source>
        <translation>当前视图已作为图片复制到剪贴板（{w}×{h}）。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="208"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="209"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="210"/>
        <source>Classify</source>
        <translation>识别</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="214"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="215"/>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="226"/>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="237"/>
        <source>BP Studio did not close properly last time. Restore the work autosaved at {time}?</source>
        <translation>BP Studio 上次没有正常关闭。要恢复 {time} 自动保存的工作吗？</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="281"/>
        <source>Drawing the new network&apos;s initial weights…</source>
        <translation>正在生成新网络的初始权重…</translation>
    </message>
</context>
<context>
    <name>MatrixView</name>
    <message>
        <location filename="../../bpstudio/widgets/matrix_view.py" line="393"/>
        <source>columns {first}–{last}</source>
        <translation>第 {first}–{last} 列</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/matrix_view.py" line="454"/>
        <source>1 in {k} rows</source>
        <translation>每 {k} 行取 1 行</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/matrix_view.py" line="454"/>
        <source>1 in {k} columns</source>
        <translation>每 {k} 列取 1 列</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/matrix_view.py" line="457"/>
        <source>showing {what}</source>
        <translation>显示{what}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/matrix_view.py" line="457"/>
        <source> and </source>
        <translation>和</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/matrix_keys.py" line="71"/>
        <source>matrix {name}, {rows} by {cols}</source>
        <translation>矩阵 {name}，{rows} 行 {cols} 列</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/matrix_keys.py" line="79"/>
        <source>{n} numbers from {low} to {high}. Tab here and use the arrow keys to read them; Enter explains one.</source>
        <translation>共 {n} 个数，从 {low} 到 {high}。按 Tab 键来到这里，用方向键逐个读出；回车键解释其中一个。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/matrix_keys.py" line="85"/>
        <source>{name} row {i}, column {j} = {value}. Enter explains it.</source>
        <translation>{name} 第 {i} 行第 {j} 列，值为 {value}。按回车键解释它。</translation>
    </message>
</context>
<context>
    <name>NetworkDiagram</name>
    <message>
        <location filename="../../bpstudio/widgets/network_diagram.py" line="137"/>
        <source>⋮ {n} more</source>
        <translation>⋮ 另有 {n} 个</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/network_diagram.py" line="216"/>
        <source>input</source>
        <translation>输入层</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/network_diagram.py" line="216"/>
        <source>output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/network_diagram.py" line="217"/>
        <source>layer {l}</source>
        <translation>第 {l} 层</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/network_diagram.py" line="219"/>
        <source>max |w| {w}</source>
        <translation>最大 |w| {w}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/network_diagram.py" line="266"/>
        <source>past: {iteration}</source>
        <translation>过去：{iteration}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/network_diagram.py" line="294"/>
        <source>w &lt; 0 (dashed)</source>
        <translation>w &lt; 0（虚线）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/network_diagram.py" line="262"/>
        <source>stepping: the weights drawn are the stepped update, not applied to the network</source>
        <translation>单步演示中：图中的权重是单步演示得到的更新，尚未应用到网络</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/network_diagram.py" line="277"/>
        <source>{name} over the plane</source>
        <translation>{name} 在平面上的取值</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/network_diagram.py" line="303"/>
        <source>neuron colour: its activation a for the current sample</source>
        <translation>神经元颜色：激活函数输出 a</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/network_diagram.py" line="150"/>
        <source>scroll to zoom, drag to pan, double-click to fit; arrow keys choose a neuron, Shift+↑↓ its weights, Enter selects</source>
        <translation>滚轮缩放，拖动平移，双击适应窗口；方向键选择神经元，Shift+↑↓ 选择它的权重，回车键选中</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/network_diagram.py" line="152"/>
        <source>Network diagram</source>
        <translation>网络图</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/network_diagram.py" line="285"/>
        <source>to/from the neurons not drawn (their mean w)</source>
        <translation>连到省略的神经元（取它们 w 的平均）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/network_diagram.py" line="305"/>
        <source>each neuron: its activation over the input plane, a dark line where it crosses 0 (a sigmoid: 0.5)</source>
        <translation>每个神经元：它在输入平面上的激活函数输出，深色线标出它越过 0 的地方（sigmoid 为 0.5）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/network_diagram.py" line="307"/>
        <source>each neuron: its activation over the input plane, a dark line where it crosses 0 (a sigmoid: 0.5; bigger under the mouse)</source>
        <translation>每个神经元：它在输入平面上的激活函数输出，深色线标出它越过 0 的地方（sigmoid 为 0.5；鼠标悬停时放大）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/network_diagram.py" line="310"/>
        <source>the larger |w| / max |w| of its layer (under each layer), the wider and stronger the line</source>
        <translation>|w| / 该层最大 |w|（标在每层下方）越大，线越宽、颜色越深</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/network_diagram.py" line="312"/>
        <source>current sample: {name}</source>
        <translation>当前样本：{name}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/network_diagram.py" line="318"/>
        <source>W[1] row {j} as {shape}: what neuron {j} of layer 1 looks for (grey 0, bright +, dark −)</source>
        <translation>W[1] 第 {j} 行显示为 {shape}：第 1 层第 {j} 个神经元在找什么（灰色为 0，亮为正，暗为负）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/network_diagram.py" line="337"/>
        <source>{n} neurons of layer {l} not drawn</source>
        <translation>第 {l} 层有 {n} 个神经元没有画出</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/network_diagram.py" line="353"/>
        <source>click: see its weights as an image</source>
        <translation>点击：把它的权重显示为图像</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/network_diagram.py" line="361"/>
        <source>mean of {n} weights of W[{l}] (to or from neurons not drawn) = {v}</source>
        <translation>W[{l}] 中 {n} 个权重的平均值（未画出的神经元的汇总连线）= {v}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/diagram_speech.py" line="37"/>
        <source>input layer</source>
        <translation>输入层</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/diagram_speech.py" line="39"/>
        <source>output layer (layer {l})</source>
        <translation>输出层（第 {l} 层）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/diagram_speech.py" line="40"/>
        <source>hidden layer {l}</source>
        <translation>隐含层 {l}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/diagram_speech.py" line="48"/>
        <source>{layer}, neuron {j} of {n}</source>
        <translation>{layer}，第 {j} 个神经元（共 {n} 个）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/diagram_speech.py" line="51"/>
        <source>input x = {a}</source>
        <translation>输入 x 等于 {a}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/diagram_speech.py" line="54"/>
        <source>{act}, z = {z}, activation a = {a}</source>
        <translation>{act}，线性结果 z 等于 {z}，激活函数输出 a 等于 {a}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/diagram_speech.py" line="57"/>
        <source>{values}, error δ = {d}</source>
        <translation>{values}，误差 δ 等于 {d}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/diagram_speech.py" line="59"/>
        <source>{what}: {values}</source>
        <translation>{what}：{values}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/diagram_speech.py" line="65"/>
        <location filename="../../bpstudio/widgets/diagram_speech.py" line="81"/>
        <source>{said}. {keys}</source>
        <translation>{said}。{keys}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/diagram_speech.py" line="66"/>
        <source>Enter selects it; Shift+Down goes along its incoming weights.</source>
        <translation>按回车键选中它；按 Shift+↓ 逐个选择进入它的权重。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/diagram_speech.py" line="70"/>
        <source>weight w[{l}] {j},{k} from neuron {k} of layer {prev} into neuron {j} of layer {l} = {w}. Enter explains it.</source>
        <translation>权重 w[{l}] {j},{k}：从第 {prev} 层第 {k} 个神经元到第 {l} 层第 {j} 个神经元，值为 {w}。按回车键解释它。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/diagram_speech.py" line="78"/>
        <source>{title}: {detail}</source>
        <translation>{title}：{detail}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/diagram_speech.py" line="82"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/diagram_speech.py" line="82"/>
        <source>Arrow keys choose a neuron, Shift+Up and Shift+Down its weights, Enter selects.</source>
        <translation>用方向键选择神经元，用 Shift+↑ 和 Shift+↓ 选择它的权重，按回车键选中。</translation>
    </message>
</context>
<context>
    <name>NetworkModel</name>
    <message>
        <location filename="../../bpstudio/session/network_model.py" line="170"/>
        <source>Stop training before changing the network or the data set.</source>
        <translation>请先停止训练，再修改网络或数据集。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/network_model.py" line="197"/>
        <source>Stop training before undoing or redoing an edit.</source>
        <translation>请先停止训练，再撤销或重做修改。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/network_model.py" line="183"/>
        <source>A hidden layer has 1 to {max} neurons; {n} is out of range.</source>
        <translation>隐含层可有 1 到 {max} 个神经元；{n} 超出了范围。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/network_model.py" line="152"/>
        <source>The new network could not be built ({why}); nothing was changed.</source>
        <translation>无法构建新网络（{why}）；没有做任何改动。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/network_model.py" line="177"/>
        <source>The new network&apos;s weights are still being drawn; a moment, please.</source>
        <translation>新网络的权重仍在生成中，请稍候。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/network_model.py" line="217"/>
        <source>With cross-entropy the output stays sigmoid; choose the mean squared error cost for another output activation.</source>
        <translation>使用交叉熵时输出层必须是 sigmoid；要用别的输出激活函数，请选择均方误差。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/network_model.py" line="186"/>
        <source>At most {n} hidden layers.</source>
        <translation>最多 {n} 个隐含层。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/network_model.py" line="317"/>
        <source>{what}: the model takes {n} inputs but the data set has {m} features; open matching data first.</source>
        <translation>{what}：模型需要 {n} 个输入，但数据集有 {m} 个特征；请先打开匹配的数据。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/network_model.py" line="326"/>
        <source>{what} takes {shape} pictures: drop pictures to classify them; training it needs matching data.</source>
        <translation>{what} 的输入是 {shape} 的图片：拖入图片即可识别；训练它需要相匹配的数据。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/network_model.py" line="328"/>
        <source>{what} takes {shape} inputs and came without data: training it needs matching data.</source>
        <translation>{what} 有 {shape} 个输入，但没有附带数据：训练它需要相匹配的数据。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/network_model.py" line="331"/>
        <source>{data} was put aside (Ctrl+Z brings it back).</source>
        <translation>{data} 已被搁置（按 Ctrl+Z 可恢复）。</translation>
    </message>
</context>
<context>
    <name>PaneKeys</name>
    <message>
        <location filename="../../bpstudio/app/pane_keys.py" line="69"/>
        <source>Ne&amp;xt part of the window</source>
        <translation>窗口的下一部分(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/pane_keys.py" line="70"/>
        <source>Previous part of the window</source>
        <translation>窗口的上一部分</translation>
    </message>
</context>
<context>
    <name>PlaneView</name>
    <message>
        <location filename="../../bpstudio/widgets/plane_view.py" line="168"/>
        <source>Output over the input plane</source>
        <translation>输入平面上的输出</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/plane_view.py" line="170"/>
        <source>Discretise output</source>
        <translation>输出离散化</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/plane_view.py" line="171"/>
        <source>Show test data</source>
        <translation>显示测试数据</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/plane_view.py" line="172"/>
        <source>● filled, blue: class 1 · ○ hollow, orange: class 0 · circle: training point · square: test point · dark line: the decision boundary, output a = 0.5</source>
        <translation>● 实心、蓝色：类别 1 · ○ 空心、橙色：类别 0 · 圆形：训练点 · 方形：测试点 · 深色线：决策边界，输出 a = 0.5</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/plane_view.py" line="199"/>
        <source>The output view needs a 2-D data set (circle, XOR, …, or a CSV with two feature columns).</source>
        <translation>输出视图需要二维数据集（圆形、异或…，或有两个特征列的 CSV）。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/plane_view.py" line="203"/>
        <source>train accuracy {train} · test accuracy {test}</source>
        <translation>训练准确率 {train} · 测试准确率 {test}</translation>
    </message>
</context>
<context>
    <name>PlaygroundPanel</name>
    <message>
        <location filename="../../bpstudio/widgets/playground_panel.py" line="59"/>
        <source>2-D playground</source>
        <translation>二维游乐场</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/playground_panel.py" line="60"/>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/playground_panel.py" line="61"/>
        <source>Input features (the input layer follows):</source>
        <translation>输入特征（输入层随之改变）：</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/playground_panel.py" line="80"/>
        <source>Noise {p} %</source>
        <translation>噪声 {p} %</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/playground_panel.py" line="81"/>
        <source>Training share {p} %</source>
        <translation>训练集比例 {p} %</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/playground_panel.py" line="82"/>
        <source>Seed {seed}</source>
        <translation>种子 {seed}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/playground_panel.py" line="83"/>
        <source>split the rows again with the next seed</source>
        <translation>用下一个种子重新划分各行</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/playground_panel.py" line="84"/>
        <source>new points from the next seed</source>
        <translation>用下一个种子生成新的点</translation>
    </message>
</context>
<context>
    <name>Presenter</name>
    <message>
        <location filename="../../bpstudio/app/presentation.py" line="130"/>
        <source>&amp;Presentation mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/presentation.py" line="131"/>
        <source>Leave presentation</source>
        <translation>退出演示</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/presentation.py" line="132"/>
        <source>&amp;Blank the screen</source>
        <translation>黑屏(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/presentation.py" line="133"/>
        <source>1 Equation</source>
        <translation>1 等式</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/presentation.py" line="133"/>
        <source>2 Network</source>
        <translation>2 网络</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/presentation.py" line="134"/>
        <source>3 Training</source>
        <translation>3 训练</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/presentation.py" line="134"/>
        <source>4 Classify</source>
        <translation>4 识别</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/presentation.py" line="135"/>
        <source>5 All</source>
        <translation>5 全部</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/presentation.py" line="138"/>
        <source>&amp;Larger</source>
        <translation>放大(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/presentation.py" line="139"/>
        <source>&amp;Smaller</source>
        <translation>缩小(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/presentation.py" line="140"/>
        <source>&amp;Normal size</source>
        <translation>正常大小(&amp;N)</translation>
    </message>
</context>
<context>
    <name>ResultCard</name>
    <message>
        <location filename="../../bpstudio/widgets/result_card.py" line="113"/>
        <source>what the network sees: the input after cropping and resizing</source>
        <translation>网络看到的样子：裁剪和缩放之后的输入</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/result_card.py" line="118"/>
        <source>not classified: this network does not take pictures</source>
        <translation>未分类：这个网络不接受图片输入</translation>
    </message>
</context>
<context>
    <name>RunFrames</name>
    <message>
        <location filename="../../bpstudio/widgets/run_frames.py" line="155"/>
        <source>{run} · {iteration}</source>
        <translation>{run} · {iteration}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/run_frames.py" line="170"/>
        <source>Time-lapse of {n} training runs side by side</source>
        <translation>{n} 次训练并排的延时动画</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/run_frames.py" line="171"/>
        <source>Time-lapse of a training run</source>
        <translation>一次训练的延时动画</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/run_frames.py" line="175"/>
        <source>network {layers} ({functions}) · learning rate α = {alpha}</source>
        <translation>网络 {layers}（{functions}）· 学习率 α = {alpha}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/run_frames.py" line="178"/>
        <source>{run}: {words}</source>
        <translation>{run}：{words}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/run_frames.py" line="182"/>
        <source>{n} frames after this one, iterations {first} to {last}, evenly spaced</source>
        <translation>此后 {n} 帧，第 {first} 到第 {last} 次迭代，均匀分布</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/run_frames.py" line="185"/>
        <source>{n} frames after this one, iterations {first} to {last}, log-spaced (the early iterations closer together)</source>
        <translation>此后 {n} 帧，第 {first} 到第 {last} 次迭代，按对数分布（早期的迭代更密）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/run_frames.py" line="190"/>
        <source>Each frame: the weights at one iteration, the rows of W[1] as pictures, and the cost C up to it</source>
        <translation>每一帧：某次迭代时的权重、显示为图片的 W[1] 各行，以及到这次迭代为止的代价 C</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/run_frames.py" line="192"/>
        <source>Each frame: the weights at one iteration, the output over the input plane, and the cost C up to it</source>
        <translation>每一帧：某次迭代时的权重、输入平面上的输出，以及到这次迭代为止的代价 C</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/run_frames.py" line="194"/>
        <source>Each frame: the weights at one iteration, and the cost C up to it</source>
        <translation>每一帧：某次迭代时的权重，以及到这次迭代为止的代价 C</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/run_frames.py" line="202"/>
        <source>{iteration} (of {last})</source>
        <translation>{iteration}（共 {last} 次）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/run_frames.py" line="210"/>
        <source>{data} · network {layers}</source>
        <translation>{data} · 网络 {layers}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/run_frames.py" line="260"/>
        <source>cost C</source>
        <translation>代价 C</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/run_frames.py" line="265"/>
        <source>iteration</source>
        <translation>迭代</translation>
    </message>
</context>
<context>
    <name>Runs</name>
    <message>
        <location filename="../../bpstudio/session/runs.py" line="110"/>
        <source>Stop training before forking a twin run.</source>
        <translation>请先停止训练，再分叉出对照训练。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/runs.py" line="113"/>
        <source>At most {n} twin runs: remove the twins to fork others.</source>
        <translation>最多 {n} 个对照训练：请先移除对照训练，再分叉出新的。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/runs.py" line="171"/>
        <source>The twin runs were removed: they trained on {old}, the data set is now {new}.</source>
        <translation>对照训练已移除：它们在 {old} 上训练，而数据集现在是 {new}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/runs.py" line="173"/>
        <source>The twin run was removed: it trained on {old}, the data set is now {new}.</source>
        <translation>对照训练已移除：它在 {old} 上训练，而数据集现在是 {new}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/runs.py" line="176"/>
        <source>The twin runs were removed: their networks take {inputs} inputs, the data set now has {features} features.</source>
        <translation>对照训练已移除：它们的网络需要 {inputs} 个输入，而数据集现在有 {features} 个特征。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/runs.py" line="178"/>
        <source>The twin run was removed: its network takes {inputs} inputs, the data set now has {features} features.</source>
        <translation>对照训练已移除：它的网络需要 {inputs} 个输入，而数据集现在有 {features} 个特征。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/runs.py" line="195"/>
        <source>The comparisons train on the cat data: open it first (File → Open data set…).</source>
        <translation>这些对比在猫图数据集上训练：请先打开它（文件 → 打开数据集…）。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/runs.py" line="199"/>
        <source>Stop training before starting a comparison.</source>
        <translation>请先停止训练，再开始对比。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/runs.py" line="299"/>
        <source>Every run has finished its iterations: nothing was trained. Fork a twin run, or set more iterations.</source>
        <translation>每个训练都已完成其迭代：没有训练任何内容。请分叉出对照训练，或设置更多迭代次数。</translation>
    </message>
</context>
<context>
    <name>SessionStore</name>
    <message>
        <location filename="../../bpstudio/session/session_store.py" line="206"/>
        <source>Still saving; a moment, please.</source>
        <translation>还在保存；请稍候。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/session_store.py" line="210"/>
        <source>Saving {name}…</source>
        <translation>正在保存 {name}……</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/session_store.py" line="235"/>
        <source>{name}: could not save ({why})</source>
        <translation>{name}：无法保存（{why}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/session_store.py" line="246"/>
        <source>Saved {name}.</source>
        <translation>已保存 {name}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/session_store.py" line="271"/>
        <source>{name}: the data set changed since this session was saved; the numbers may differ.</source>
        <translation>{name}：保存这个会话之后数据集已经改变；数值可能不同。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/session_store.py" line="299"/>
        <location filename="../../bpstudio/session/session_store.py" line="302"/>
        <source>Autosave failed: {why}</source>
        <translation>自动保存失败：{why}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/session_store.py" line="332"/>
        <source>The autosave cannot be restored ({why}); it was set aside as {file}.</source>
        <translation>自动保存无法恢复（{why}）；已另存为 {file}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/session_store.py" line="342"/>
        <source>the autosave</source>
        <translation>自动保存</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <location filename="../../bpstudio/app/help.py" line="161"/>
        <source>Presentation mode and elsewhere</source>
        <translation>演示模式及其他</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/help.py" line="165"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/help.py" line="166"/>
        <source>What</source>
        <translation>功能</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/help.py" line="166"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>StepperModel</name>
    <message>
        <location filename="../../bpstudio/session/stepper_model.py" line="210"/>
        <source>out of memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/stepper_model.py" line="212"/>
        <source>the iteration could not be laid out: {why}</source>
        <translation>无法展开本次迭代：{why}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/stepper_model.py" line="224"/>
        <source>training is running: there is no iteration to lay out</source>
        <translation>训练正在进行：没有可展开的迭代</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/stepper_model.py" line="304"/>
        <source>the network, its data, the sample or the run changed before the iteration was laid out</source>
        <translation>本次迭代展开之前，网络、数据、样本或训练已经改变</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/stepper_model.py" line="331"/>
        <source>Stepping one sample now: {name}.</source>
        <translation>现在单步演示单个样本：{name}。</translation>
    </message>
</context>
<context>
    <name>TimeBar</name>
    <message>
        <location filename="../../bpstudio/widgets/time_cursor.py" line="147"/>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/time_cursor.py" line="148"/>
        <source>Show the latest iteration again</source>
        <translation>重新显示最新的迭代</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/time_cursor.py" line="149"/>
        <source>Continue from here</source>
        <translation>从这里继续</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/time_cursor.py" line="151"/>
        <source>Make this iteration&apos;s parameters the network&apos;s and forget the later iterations (Undo brings them back)</source>
        <translation>把这次迭代的参数作为网络的参数，并舍弃之后的迭代（撤销可以恢复它们）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/time_cursor.py" line="163"/>
        <source>{iteration} of {n}: a past state, read-only</source>
        <translation>{iteration}（共 {n} 次）：过去的状态，只读</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/time_cursor.py" line="167"/>
        <source>Now: {iteration} · drag the line or press [ ] to look back</source>
        <translation>现在：{iteration} · 拖动竖线或按 [ ] 回看</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/time_cursor.py" line="177"/>
        <source>Kept: a keyframe every {k} iterations, {size}</source>
        <translation>保存：每 {k} 次迭代一个关键帧，共 {size}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/time_cursor.py" line="180"/>
        <source>The run keeps its parameters every {k} iterations ({size}) and recomputes the iterations in between, bit for bit.</source>
        <translation>本次训练每 {k} 次迭代保存一次参数（{size}），其间的迭代按位精确地重新计算。</translation>
    </message>
</context>
<context>
    <name>TimeTravel</name>
    <message>
        <location filename="../../bpstudio/app/time_travel.py" line="68"/>
        <source>An iteration &amp;earlier</source>
        <translation>上一次迭代(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/time_travel.py" line="69"/>
        <source>An iteration &amp;later</source>
        <translation>下一次迭代(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/time_travel.py" line="70"/>
        <source>Back to &amp;now</source>
        <translation>回到现在(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/time_travel.py" line="71"/>
        <source>&amp;Continue from here</source>
        <translation>从这里继续(&amp;C)</translation>
    </message>
</context>
<context>
    <name>TimelapseDialog</name>
    <message>
        <location filename="../../bpstudio/app/timelapses.py" line="62"/>
        <source>Time-lapse of this run</source>
        <translation>本次训练的延时动画</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/timelapses.py" line="78"/>
        <source>evenly over the run</source>
        <translation>在整个训练中均匀分布</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/timelapses.py" line="79"/>
        <source>log-spaced (the early iterations closer together)</source>
        <translation>按对数分布（早期的迭代更密）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/timelapses.py" line="81"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/timelapses.py" line="82"/>
        <source>Size:</source>
        <translation>尺寸：</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/timelapses.py" line="83"/>
        <source>Frames:</source>
        <translation>帧数：</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/timelapses.py" line="84"/>
        <source>Iterations shown:</source>
        <translation>显示的迭代：</translation>
    </message>
</context>
<context>
    <name>Timelapses</name>
    <message>
        <location filename="../../bpstudio/app/timelapses.py" line="107"/>
        <source>Training is running: pause or stop it to export a time-lapse of the run.</source>
        <translation>正在训练：请先暂停或停止训练，再导出训练的延时动画。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/timelapses.py" line="112"/>
        <source>There is no run to show: train the network first (a time-lapse shows the iterations the time cursor reaches).</source>
        <translation>没有可显示的训练：请先训练网络（延时动画显示时间游标可到达的迭代）。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/timelapses.py" line="124"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/timelapses.py" line="137"/>
        <source>Time-lapse of this run</source>
        <translation>本次训练的延时动画</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/timelapses.py" line="138"/>
        <source>Recomputing the run&apos;s iterations…</source>
        <translation>正在重新计算这次训练的迭代…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/timelapses.py" line="144"/>
        <source>the run&apos;s iterations cannot be recomputed</source>
        <translation>无法重新计算这次训练的迭代</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/timelapses.py" line="150"/>
        <source>out of memory</source>
        <translation>内存不足</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../bpstudio/session/timeline_model.py" line="181"/>
        <source>The time cursor cannot go back: this session file does not keep where its run started. Train, then save the session again to keep it.</source>
        <translation>时间游标无法回退：这个会话文件没有保存训练的起点。请训练后再次保存会话，以保留起点。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/timeline_model.py" line="228"/>
        <source>Stop training before continuing from a past iteration.</source>
        <translation>请先停止训练，再从过去的迭代继续。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/timeline_model.py" line="234"/>
        <source>Continuing from {iteration}: the later iterations were forgotten (Undo brings them back).</source>
        <translation>从{iteration}继续：之后的迭代已被舍弃（撤销可以恢复它们）。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/timeline_model.py" line="269"/>
        <source>The session file keeps where its runs started: their iterations are being recomputed.</source>
        <translation>会话文件只保存了各次训练的起点：正在重新计算它们的迭代。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/timeline_model.py" line="271"/>
        <source>the saved run {name}</source>
        <translation>已保存的训练 {name}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/timeline_model.py" line="272"/>
        <source>the saved run</source>
        <translation>已保存的训练</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/timeline_model.py" line="288"/>
        <source>The saved runs were not recomputed: the time cursor is at now again. Move it back to recompute them.</source>
        <translation>已保存的训练没有重新计算：时间游标又回到了现在。把它往回移，即可重新计算。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/timeline_model.py" line="304"/>
        <source>The saved runs were not recomputed: the network was changed meanwhile.</source>
        <translation>已保存的训练没有重新计算：网络在此期间已被修改。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/timeline_model.py" line="307"/>
        <source>The saved runs could not be recomputed exactly before {iteration}: the time cursor reaches from there.</source>
        <translation>已保存的训练在{iteration}之前无法精确地重新计算：时间游标只能从那里开始。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/timeline_model.py" line="311"/>
        <source>Recomputed: the time cursor reaches back to {iteration}.</source>
        <translation>已重新计算：时间游标可回到{iteration}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/timeline_model.py" line="314"/>
        <source>The saved runs could not be recomputed exactly: the time cursor cannot go back over them.</source>
        <translation>已保存的训练无法精确地重新计算：时间游标无法回到这些训练。</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="120"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="121"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="122"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="123"/>
        <source>One iteration</source>
        <translation>单次迭代</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="124"/>
        <source>Train for the set number of iterations (Ctrl+T)</source>
        <translation>按设定的迭代次数训练（Ctrl+T）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="125"/>
        <source>Pause or resume the run (Ctrl+P)</source>
        <translation>暂停或继续训练（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="126"/>
        <source>Re-initialise the parameters with the same random seed; Ctrl+Z brings the trained ones back</source>
        <translation>用同一个随机种子重新初始化参数；按 Ctrl+Z 可恢复训练好的参数</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="128"/>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="131"/>
        <source>as fast as possible</source>
        <translation>尽可能快</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="132"/>
        <source>one iteration at a time</source>
        <translation>一次一个迭代</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="133"/>
        <location filename="../../bpstudio/widgets/training_panel.py" line="167"/>
        <source>{n} iterations a second</source>
        <translation>每秒 {n} 次迭代</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="134"/>
        <source>1 iteration a second</source>
        <translation>每秒 1 次迭代</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="135"/>
        <source>slow enough for a class to watch the cost curve and the heatmaps form; one at a time pauses after each iteration (Resume does the next)</source>
        <translation>放慢速度，让全班看着代价曲线和热图逐渐形成；“一次一个迭代”会在每次迭代后暂停（按“下一次迭代”继续）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="138"/>
        <source>Full speed</source>
        <translation>全速</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="139"/>
        <source>train as fast as possible</source>
        <translation>尽可能快地训练</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="151"/>
        <source>{m} min {s} s</source>
        <translation>{m} 分 {s} 秒</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="152"/>
        <source>{s} s</source>
        <translation>{s} 秒</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="186"/>
        <source>Next iteration</source>
        <translation>下一次迭代</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="187"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="189"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="202"/>
        <source>{done} / {total} iterations · {rate} it/s · {left} left</source>
        <translation>{done} / {total} 次迭代 · 每秒 {rate} 次 · 还剩 {left}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="206"/>
        <source>{done} iterations · {rate} it/s</source>
        <translation>{done} 次迭代 · 每秒 {rate} 次</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="243"/>
        <source>trained before it was opened (no cost record)</source>
        <translation>打开前已训练（没有代价记录）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="249"/>
        <source>{iteration}: train accuracy {train}, test accuracy {test}</source>
        <translation>{iteration}：训练准确率 {train}，测试准确率 {test}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="238"/>
        <source>trained {n} iterations before it was opened (no cost record)</source>
        <translation>打开前已训练 {n} 次迭代（没有代价记录）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="239"/>
        <location filename="../../bpstudio/widgets/training_panel.py" line="244"/>
        <source>not trained yet</source>
        <translation>尚未训练</translation>
    </message>
</context>
<context>
    <name>TrainingSession</name>
    <message>
        <location filename="../../bpstudio/session/training.py" line="136"/>
        <source>Training needs data: {name} was opened without any. Open a data set with {shape} inputs (File → Open data set…), then train.</source>
        <translation>训练需要数据：{name} 打开时没有附带数据。请打开一个输入为 {shape} 的数据集（文件 → 打开数据集…），然后再训练。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/training.py" line="143"/>
        <source>The views show {iteration}, a past one; training goes on from the latest. Press Now first, or Continue from here to train on from {iteration}.</source>
        <translation>各视图显示的是过去的{iteration}；训练会从最新的迭代接着进行。请先按“现在”，或按“从这里继续”，从{iteration}接着训练。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/training.py" line="334"/>
        <source>Training failed: {why}</source>
        <translation>训练失败：{why}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/training.py" line="340"/>
        <source>The training process ended unexpectedly; the parameters from its last report were kept.</source>
        <translation>训练进程意外结束；已保留它最后一次报告的参数。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/training.py" line="370"/>
        <source>Stopped after {n} of {total} iterations.</source>
        <translation>在 {total} 次迭代中的第 {n} 次后停止。</translation>
    </message>
</context>
<context>
    <name>TwinPanel</name>
    <message>
        <location filename="../../bpstudio/widgets/twin_views.py" line="121"/>
        <source>{name} · {iteration}</source>
        <translation>{name} · {iteration}</translation>
    </message>
</context>
<context>
    <name>TwinRuns</name>
    <message>
        <location filename="../../bpstudio/app/twin_runs.py" line="72"/>
        <source>&amp;Runs</source>
        <translation>训练对比(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/twin_runs.py" line="73"/>
        <source>Ready-made compar&amp;isons (cat data)</source>
        <translation>现成的对比(&amp;I)（猫图数据集）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/twin_runs.py" line="74"/>
        <source>&amp;Fork a twin run…</source>
        <translation>分叉出对照训练(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/twin_runs.py" line="75"/>
        <source>&amp;Train every run at once</source>
        <translation>所有训练同时进行(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/twin_runs.py" line="76"/>
        <source>&amp;Remove the twin runs</source>
        <translation>移除对照训练(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/twin_runs.py" line="77"/>
        <source>Runs as &amp;CSV…</source>
        <translation>各次训练导出为 &amp;CSV…</translation>
    </message>
</context>
<context>
    <name>UnsavedQuestion</name>
    <message>
        <location filename="../../bpstudio/app/unsaved_question.py" line="43"/>
        <source>Save the trained network before closing?</source>
        <translation>关闭前保存训练好的网络吗？</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/unsaved_question.py" line="44"/>
        <source>Save the trained network before the preset replaces it?</source>
        <translation>预设替换训练好的网络之前，先保存它吗？</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/unsaved_question.py" line="45"/>
        <source>Save the session before choosing another data set?</source>
        <translation>选择其他数据集之前，先保存会话吗？</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/unsaved_question.py" line="46"/>
        <source>Save the trained network before the opened model replaces it?</source>
        <translation>打开的模型将替换训练好的网络，先保存吗？</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/unsaved_question.py" line="48"/>
        <source>Save this session before opening another one?</source>
        <translation>打开另一个会话前，先保存这个会话吗？</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/unsaved_question.py" line="49"/>
        <source>Save the trained network before the comparison replaces it?</source>
        <translation>对比替换训练好的网络之前，先保存它吗？</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/unsaved_question.py" line="51"/>
        <source>Unsaved training</source>
        <translation>训练结果未保存</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/unsaved_question.py" line="57"/>
        <source>Do not ask again</source>
        <translation>不再询问</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/unsaved_question.py" line="80"/>
        <source>1 iteration of training is not saved in a session file; without saving it is lost.</source>
        <translation>已训练的 1 次迭代尚未保存到会话文件；不保存将会丢失。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/unsaved_question.py" line="82"/>
        <source>{n} iterations of training are not saved in a session file; without saving they are lost.</source>
        <translation>已训练的 {n} 次迭代尚未保存到会话文件；不保存将会丢失。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/unsaved_question.py" line="85"/>
        <source>1 iteration of the twin runs&apos; training is not saved in a session file.</source>
        <translation>对照训练已训练的 1 次迭代尚未保存到会话文件。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/unsaved_question.py" line="87"/>
        <source>{n} iterations of the twin runs&apos; training are not saved in a session file.</source>
        <translation>对照训练已训练的 {n} 次迭代尚未保存到会话文件。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/unsaved_question.py" line="90"/>
        <source>Training is still running; closing stops it.</source>
        <translation>训练仍在进行；关闭会停止训练。</translation>
    </message>
</context>
<context>
    <name>WeightRows</name>
    <message>
        <location filename="../../bpstudio/widgets/run_panels.py" line="45"/>
        <source>W[1]: the rows of {k} of the {n} neurons of layer 1, each as a {shape} picture of what it looks for (grey 0, bright +, dark −)</source>
        <translation>W[1]：第 1 层 {n} 个神经元中 {k} 个的行，每行显示为 {shape} 的图片，即它在找什么（灰色为 0，亮为正，暗为负）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/run_panels.py" line="48"/>
        <source>W[1]: each row as a {shape} picture, what neuron j of layer 1 looks for (grey 0, bright +, dark −)</source>
        <translation>W[1]：每行显示为 {shape} 的图片，即第 1 层第 j 个神经元在找什么（灰色为 0，亮为正，暗为负）</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="162"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="162"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="163"/>
        <location filename="../../bpstudio/app/menus.py" line="194"/>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="163"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="164"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="164"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="165"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="165"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="166"/>
        <source>Lan&amp;guage</source>
        <translation>语言(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="167"/>
        <source>Pictures&apos; &amp;resolution</source>
        <translation>图片分辨率(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="170"/>
        <source>&amp;Open data set…</source>
        <translation>打开数据集(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="171"/>
        <source>Open data &amp;folder…</source>
        <translation>打开数据文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="172"/>
        <source>Open &amp;CSV data…</source>
        <translation>打开 CSV 数据(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="173"/>
        <source>Open a folder of c&amp;lass folders…</source>
        <translation>打开按类别分文件夹的图片(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="174"/>
        <source>Open &amp;images…</source>
        <translation>打开图片(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="175"/>
        <source>Open &amp;model…</source>
        <translation>打开模型(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="176"/>
        <source>Open sessio&amp;n…</source>
        <translation>打开会话(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="177"/>
        <source>&amp;Save session</source>
        <translation>保存会话(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="178"/>
        <source>Save session &amp;as…</source>
        <translation>会话另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="179"/>
        <source>Diagram as PNG…</source>
        <translation>网络图导出为 PNG…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="180"/>
        <source>Diagram as SVG…</source>
        <translation>网络图导出为 SVG…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="181"/>
        <source>Plots as PNG…</source>
        <translation>曲线图导出为 PNG…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="182"/>
        <source>Plots as SVG…</source>
        <translation>曲线图导出为 SVG…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="183"/>
        <source>Cost curve as CSV…</source>
        <translation>代价曲线导出为 CSV…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="184"/>
        <source>Current step&apos;s matrices as CSV…</source>
        <translation>当前步骤的矩阵导出为 CSV…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="185"/>
        <source>Model as .npz…</source>
        <translation>模型导出为 .npz…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="186"/>
        <source>Training log as CSV…</source>
        <translation>训练记录导出为 CSV…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="187"/>
        <source>Animation of this iteration…</source>
        <translation>本次迭代的动画…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="188"/>
        <source>Time-lapse of this run…</source>
        <translation>本次训练的延时动画…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="189"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="190"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="191"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="192"/>
        <source>&amp;Paste image</source>
        <translation>粘贴图片(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="193"/>
        <source>&amp;Copy the view as a picture</source>
        <translation>将视图复制为图片(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="195"/>
        <source>&amp;Pause / resume</source>
        <translation>暂停 / 继续(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="196"/>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="197"/>
        <source>&amp;One iteration</source>
        <translation>单次迭代(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="198"/>
        <source>&amp;Reset parameters</source>
        <translation>重置参数(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="199"/>
        <source>Step &amp;forward</source>
        <translation>下一步(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="200"/>
        <source>Step &amp;back</source>
        <translation>上一步(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="201"/>
        <source>Back to the start of the &amp;iteration</source>
        <translation>回到本次迭代的开始(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="202"/>
        <source>&amp;Fit diagram</source>
        <translation>网络图适应窗口(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="203"/>
        <source>Reduce &amp;motion</source>
        <translation>减少动态效果(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="204"/>
        <source>&amp;Why this equation? (F1)</source>
        <translation>为什么是这个公式？(&amp;W)（F1）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="205"/>
        <source>User &amp;guide</source>
        <translation>使用指南(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="206"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="207"/>
        <source>&amp;About BP Studio</source>
        <translation>关于 BP Studio(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="211"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="211"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="212"/>
        <source>Projector (high contrast)</source>
        <translation>投影（高对比度）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="213"/>
        <source>High contrast (white on black)</source>
        <translation>高对比度（黑底白字）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="217"/>
        <source>{n}× the screen&apos;s pixels</source>
        <translation>屏幕像素的 {n} 倍</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="218"/>
        <source> (slides)</source>
        <translation>（幻灯片）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/menus.py" line="218"/>
        <source> (print)</source>
        <translation>（打印）</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="44"/>
        <source>{path}: no cat data set here (looked for {names})</source>
        <translation>{path}：这里没有猫图数据集（查找了 {names}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/csvdata.py" line="73"/>
        <source>{name}: {mb} MB is over the {limit} MB limit</source>
        <translation>{name}：{mb} MB 超过了 {limit} MB 的上限</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="52"/>
        <source>{path}: no such file or folder</source>
        <translation>{path}：文件或文件夹不存在</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/csvdata.py" line="93"/>
        <source>{name}: not a text file (CSV must be UTF-8 text)</source>
        <translation>{name}：不是文本文件（CSV 必须是 UTF-8 文本）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/readable.py" line="47"/>
        <location filename="../../bpstudio/core/readable.py" line="60"/>
        <source>{name}: a folder, not a file</source>
        <translation>{name}：是文件夹，不是文件</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/readable.py" line="49"/>
        <source>{name}: not a regular file (a device, a pipe or a socket); not read</source>
        <translation>{name}：这种文件类型不能读取（如 FIFO、socket）；未读取</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/readable.py" line="58"/>
        <source>{name}: permission denied</source>
        <translation>{name}：没有权限</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/readable.py" line="61"/>
        <source>{name}: cannot be read ({why})</source>
        <translation>{name}：无法读取（{why}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/csvdata.py" line="214"/>
        <source>{name}: no rows</source>
        <translation>{name}：没有数据行</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/csvdata.py" line="184"/>
        <source>{name}: line {line} has one column; a CSV needs feature columns and a 0/1 label column, separated by commas, semicolons or tabs</source>
        <translation>{name}：第 {line} 行只有一列；CSV 需要特征列和一列 0/1 标签，用逗号、分号或制表符分隔</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/csvdata.py" line="81"/>
        <source>{name}: line {line} is over {n} characters long; not a table of numbers</source>
        <translation>{name}：第 {line} 行超过 {n} 个字符；不是数字表格</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/csvdata.py" line="158"/>
        <source>line {line}: {n} fields, expected {width}</source>
        <translation>第 {line} 行：{n} 个字段，应为 {width} 个</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/csvdata.py" line="160"/>
        <source>line {line}: 1 field, expected {width}</source>
        <translation>第 {line} 行：1 个字段，应为 {width} 个</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/csvdata.py" line="165"/>
        <source>line {line}: {value} is not a number</source>
        <translation>第 {line} 行：{value} 不是数字</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/csvdata.py" line="168"/>
        <source>line {line}: the label is {value}, not 0 or 1</source>
        <translation>第 {line} 行：标签是 {value}，不是 0 或 1</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/csvdata.py" line="199"/>
        <source>{name}: more numbers than fit the {limit} MB limit once loaded</source>
        <translation>{name}：数字太多，加载后会超过 {limit} MB 的上限</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/csvdata.py" line="216"/>
        <source>{name}: a bad row, nothing was loaded: {rows}</source>
        <translation>{name}：1 行有问题，未载入任何数据：{rows}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/csvdata.py" line="218"/>
        <source>{name}: {n} bad rows, nothing was loaded: {rows}</source>
        <translation>{name}：{n} 行有问题，未载入任何数据：{rows}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/csvdata.py" line="221"/>
        <source>{name}: one data row; at least 2 are needed</source>
        <translation>{name}：只有 1 行数据；至少需要 2 行</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/csvdata.py" line="223"/>
        <source>{name}: no data row; at least 2 are needed</source>
        <translation>{name}：没有数据行；至少需要 2 行</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/csvdata.py" line="241"/>
        <location filename="../../bpstudio/core/lesson_slots.py" line="59"/>
        <source>{a}; {b}</source>
        <translation>{a}；{b}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/csvdata.py" line="243"/>
        <location filename="../../bpstudio/core/lesson_slots.py" line="61"/>
        <source>{a}; and {n} more</source>
        <translation>{a}；另有 {n} 处</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="53"/>
        <source>{name}: not a cat data set file (expected one of {names})</source>
        <translation>{name}：不是猫图数据集文件（应为 {names} 之一）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="62"/>
        <source>{path}: file not found (the {split} half of the data set)</source>
        <translation>{path}：找不到文件（数据集的 {split} 部分）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="68"/>
        <source>{name}: not an HDF5 file, or a damaged one</source>
        <translation>{name}：不是 HDF5 文件，或者文件已损坏</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="91"/>
        <source>{name}: {key} is a link to another file, or one that leads nowhere; only data stored in this file is read</source>
        <translation>{name}：{key} 是链接到另一个文件的链接，或者链接的对象不存在；只读取保存在这个文件中的数据</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="106"/>
        <source>{name}: {key} must be an array</source>
        <translation>{name}：{key} 必须是数组</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="109"/>
        <source>{name}: {key} keeps its numbers in other files; only data stored in this file is read</source>
        <translation>{name}：{key} 的数值保存在别的文件中；只读取保存在这个文件中的数据</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="127"/>
        <source>{name}: missing {keys} (it has {has})</source>
        <translation>{name}：缺少 {keys}（文件里有 {has}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="176"/>
        <source>{name}: a class name of {n} characters in list_classes; at most {max}</source>
        <translation>{name}：list_classes 中有一个 {n} 个字符的类别名；最多 {max} 个</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="240"/>
        <source>{name}: the data set would need {gb} GB once loaded, over the {limit} GB limit</source>
        <translation>{name}：数据集加载后需要 {gb} GB，超过了 {limit} GB 的上限</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="134"/>
        <source>{name}: {x} has shape {shape}; expected (m, height, width, 3) images or (m, features)</source>
        <translation>{name}：{x} 的形状是 {shape}；应为形如 (m, h, w, 3) 的图像（m 张、高 h、宽 w）或形如 (m, n) 的特征（m 个样本、n 个特征）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="141"/>
        <source>{name}: {y} has shape {shape}; expected (m,) or (1, m)</source>
        <translation>{name}：{y} 的形状是 {shape}；应为 (m,) 或 (1, m)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="144"/>
        <source>{name}: {m} samples in {x} but {n} labels in {y}</source>
        <translation>{name}：{x} 有 {m} 个样本，但 {y} 有 {n} 个标签</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="148"/>
        <source>{name}: {key} holds complex numbers; expected real ones</source>
        <translation>{name}：{key} 包含复数；应为实数</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="151"/>
        <source>{name}: {x} and {y} must hold numbers</source>
        <translation>{name}：{x} 和 {y} 必须是数值</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="180"/>
        <source>{name}: list_classes must name the two classes (0 and 1), not {names}</source>
        <translation>{name}：list_classes 必须给出两个类别（0 和 1）的名称，而不是 {names}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="207"/>
        <source>{name}: the file is truncated or damaged</source>
        <translation>{name}：文件不完整或已损坏</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="165"/>
        <source>{name}: list_classes is not a list of names</source>
        <translation>{name}：list_classes 不是类别名称列表</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="137"/>
        <source>{name}: {x} holds no samples</source>
        <translation>{name}：{x} 不含任何样本</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="216"/>
        <source>{name}: {x} holds NaN or infinite values (sample {k} and {n} in all)</source>
        <translation>{name}：{x} 含有 NaN 或无穷大的值（第 {k} 个样本，共 {n} 个）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="222"/>
        <source>{name}: labels must be 0 or 1, found {bad}</source>
        <translation>{name}：标签必须是 0 或 1，却发现了 {bad}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="235"/>
        <source>{name}: test samples are {test}, train samples {train}; they must match</source>
        <translation>{name}：测试样本是 {test}，训练样本是 {train}；两者必须一致</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="154"/>
        <source>{name}: images must be 8-bit (uint8), not {dtype}</source>
        <translation>{name}：图像必须是 8 位（uint8），而不是 {dtype}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/datasets.py" line="179"/>
        <source>Three features (3–2–1 network)</source>
        <translation>三个特征（3–2–1 网络）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/datasets.py" line="181"/>
        <source>Circle (2-D)</source>
        <translation>圆形（二维）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/datasets.py" line="182"/>
        <source>XOR (2-D)</source>
        <translation>异或（二维）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/datasets.py" line="183"/>
        <source>Two Gaussians (2-D)</source>
        <translation>两团高斯（二维）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/datasets.py" line="184"/>
        <source>Spiral (2-D)</source>
        <translation>螺旋（二维）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/datasets.py" line="185"/>
        <source>Two moons (2-D)</source>
        <translation>双月（二维）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/datasets.py" line="195"/>
        <source>no built-in data set {name}; choose one of {known}</source>
        <translation>没有内置数据集 {name}；请从 {known} 中选择</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/datasets.py" line="207"/>
        <source>no built-in 2-D data set {name}; choose one of {known}</source>
        <translation>没有内置二维数据集 {name}；可选：{known}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/datasets.py" line="232"/>
        <source>{name}: not a 2-D data set any more ({n} feature columns)</source>
        <translation>{name}：已不再是二维数据集（{n} 个特征列）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/npzfile.py" line="41"/>
        <source>{name}: could not save ({why})</source>
        <translation>{name}：无法保存（{why}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/npzfile.py" line="70"/>
        <source>{name}: its arrays would need {mb} MB, over the {limit} MB limit</source>
        <translation>{name}：其中的数组需要 {mb} MB，超过了 {limit} MB 的上限</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/npzfile.py" line="96"/>
        <source>{name}: encrypted, or packed with a compression numpy does not write; not read</source>
        <translation>{name}：压缩方式不是 numpy 写入的那种，无法解开；未读取</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/npzfile.py" line="117"/>
        <source>{name}: {n} arrays; a model or session has at most {max}</source>
        <translation>{name}：有 {n} 个数组；模型或会话最多有 {max} 个</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/modelfile.py" line="98"/>
        <source>a model file (.npz)</source>
        <translation>模型文件（.npz）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/modelfile.py" line="103"/>
        <source>{name}: not a BP Studio model (no &apos;dims&apos; entry)</source>
        <translation>{name}：不是 BP Studio 模型（没有 dims 项）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/modelfile.py" line="113"/>
        <source>{name}: missing {keys}</source>
        <translation>{name}：缺少 {keys}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/modelfile.py" line="119"/>
        <source>{name}: parameters must be floating-point, not {dtype}</source>
        <translation>{name}：参数必须是浮点数，而不是 {dtype}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/modelfile.py" line="122"/>
        <source>{name}: its parameters hold NaN or infinite values; it cannot classify</source>
        <translation>{name}：参数含有 NaN 或无穷大的值；无法用于分类</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/modelfile.py" line="132"/>
        <source>{name}: input shape {shape}; expected (features,) or (height, width, 3)</source>
        <translation>{name}：输入形状为 {shape}；应为 (n,)（n 个特征）或 (h, w, 3)（高 h、宽 w 的彩色图像）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/modelfile.py" line="136"/>
        <source>{name}: input shape {shape} does not hold {n} inputs</source>
        <translation>{name}：输入形状 {shape} 与 {n} 个输入不符</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/modelfile.py" line="140"/>
        <source>{name}: needs two class names (for 0 and 1), not {names}</source>
        <translation>{name}：需要两个类别名称（对应 0 和 1），而不是 {names}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/modelfile.py" line="144"/>
        <location filename="../../bpstudio/core/sessionfile.py" line="198"/>
        <location filename="../../bpstudio/session/session_store.py" line="143"/>
        <source>{name}: {why}</source>
        <translation>{name}：{why}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/modelfile.py" line="146"/>
        <source>{name}: damaged metadata ({why})</source>
        <translation>{name}：元数据已损坏（{why}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/network.py" line="91"/>
        <source>unknown initialiser {name}; choose one of {known}</source>
        <translation>未知的初始化方法 {name}；请从 {known} 中选择</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/network.py" line="291"/>
        <source>unknown precision {name}; choose float64 or float32</source>
        <translation>未知的精度 {name}；请选择 float64 或 float32</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/network.py" line="154"/>
        <source>layer {l}: W is {W} and b is {b}, but dims {dims} need W {needW} and b {needb}</source>
        <translation>第 {l} 层：W 是 {W}，b 是 {b}，但网络结构 {dims} 需要 W 为 {needW}、b 为 {needb}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/network.py" line="79"/>
        <source>LeCun (the tutorial&apos;s)</source>
        <translation>LeCun（教程所用）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/network.py" line="80"/>
        <source>small (0.01·randn)</source>
        <translation>小随机数（0.01·randn）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/network.py" line="81"/>
        <source>He</source>
        <translation>He</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/network.py" line="82"/>
        <source>Xavier</source>
        <translation>Xavier</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/network.py" line="83"/>
        <source>zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/network.py" line="304"/>
        <source>a network of {n} weights is too big to allocate; at most {max}</source>
        <translation>有 {n} 个权重的网络太大，无法分配内存；最多 {max} 个</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/network.py" line="312"/>
        <source>a seed must be a whole number from 0 to {max}, not {v}</source>
        <translation>种子必须是 0 到 {max} 之间的整数，而不是 {v}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/network.py" line="321"/>
        <source>{what} has {n} characters; at most {max}</source>
        <translation>{what} 有 {n} 个字符；最多 {max} 个</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/network.py" line="329"/>
        <source>{what} must lie between 0 and {max}</source>
        <translation>{what} 必须在 0 到 {max} 之间</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/network.py" line="338"/>
        <source>{n} hidden layers; the editor takes at most {max}</source>
        <translation>{n} 个隐含层；编辑时最多可以有 {max} 个</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/network.py" line="342"/>
        <source>layer {l} has {n} neurons; the editor takes 1 to {max}</source>
        <translation>第 {l} 层有 {n} 个神经元；编辑时每层可以有 1 到 {max} 个</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/network.py" line="350"/>
        <source>a network needs at least an input and an output layer</source>
        <translation>网络至少需要一个输入层和一个输出层</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/network.py" line="353"/>
        <source>layer {l} has {n} neurons; every layer needs at least 1</source>
        <translation>第 {l} 层有 {n} 个神经元；每层至少需要 1 个</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/network.py" line="356"/>
        <source>the output layer has {n} neurons; BP Studio&apos;s networks have one (the probability of class 1)</source>
        <translation>输出层有 {n} 个神经元；BP Studio 的网络只有一个（类别 1 的概率）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/network.py" line="360"/>
        <source>{k} layers after the input need {k} activations, got {n}</source>
        <translation>输入层之后的 {k} 层需要 {k} 个激活函数，实际给了 {n} 个</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/network.py" line="364"/>
        <source>unknown activation {name}; choose one of {known}</source>
        <translation>未知的激活函数 {name}；请从 {known} 中选择</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/network.py" line="367"/>
        <source>unknown cost {name}; choose one of {known}</source>
        <translation>未知的代价函数 {name}；请从 {known} 中选择</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/network.py" line="372"/>
        <source>{cost} needs a {needed} output layer (its output must lie between 0 and 1), not {act}</source>
        <translation>{cost} 需要 {needed} 输出层（输出必须在 0 和 1 之间），而不是 {act}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/npzfile.py" line="91"/>
        <source>{name}: holds pickled Python objects; refused, since loading them could run code</source>
        <translation>{name}：包含 pickle 序列化的 Python 对象；已拒绝，因为加载它们可能会运行代码</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/npzfile.py" line="56"/>
        <source>{name}: not {what}, or a damaged one</source>
        <translation>{name}：不是{what}，或者文件已损坏</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/readable.py" line="56"/>
        <source>{name}: file not found</source>
        <translation>{name}：找不到文件</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/sessionfile.py" line="131"/>
        <source>array {k} is {dtype}, not numbers</source>
        <translation>数组 {k} 的类型是 {dtype}，不是数值</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/sessionfile.py" line="140"/>
        <source>a session file</source>
        <translation>会话文件</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/sessionfile.py" line="154"/>
        <source>{name}: not a BP Studio session (no session.json)</source>
        <translation>{name}：不是 BP Studio 会话（没有 session.json）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/sessionfile.py" line="156"/>
        <source>{name}: damaged session description</source>
        <translation>{name}：会话描述已损坏</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/sessionfile.py" line="165"/>
        <source>{name}: not a BP Studio session</source>
        <translation>{name}：不是 BP Studio 会话</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/sessionfile.py" line="327"/>
        <source>a record of {n} iterations; at most {max}</source>
        <translation>记录有 {n} 次迭代；最多 {max} 次</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/sessionfile.py" line="275"/>
        <source>{n} twin runs; at most {max}</source>
        <translation>{n} 个对照训练；最多 {max} 个</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/sessionfile.py" line="283"/>
        <location filename="../../bpstudio/core/sessionfile.py" line="351"/>
        <source>twin run {k}: {why}</source>
        <translation>第 {k} 个对照训练：{why}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/sessionfile.py" line="375"/>
        <source>{what}: an entry&apos;s name is too long</source>
        <translation>{what}：某个条目的名字太长</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/modelfile.py" line="107"/>
        <location filename="../../bpstudio/core/sessionfile.py" line="172"/>
        <source>{name}: made by a newer BP Studio (format {v})</source>
        <translation>{name}：由更新版本的 BP Studio 创建（格式 {v}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/trainer.py" line="77"/>
        <source>the learning rate must be a number above 0 and at most {max}, not {v}</source>
        <translation>学习率必须大于 0 且不超过 {max}，而不是 {v}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/trainer.py" line="81"/>
        <source>the number of iterations must be a whole number from 1 to {max}, not {v}</source>
        <translation>迭代次数必须是 1 到 {max} 之间的整数，而不是 {v}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/trainer.py" line="86"/>
        <source>the batch size must lie between 1 and the {m} training samples, not {v}</source>
        <translation>批大小必须在 1 和训练样本数 {m} 之间，而不是 {v}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/trainer.py" line="601"/>
        <source>training diverged at {iteration} ({why}); {cause}. The parameters of {kept} were kept.</source>
        <translation>训练在{iteration}发散（{why}）；{cause}。已保留{kept}的参数。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/diagnoses.py" line="103"/>
        <source>Every neuron of layer {l} then computes the same thing and receives the same error, so the neurons of a layer stay equal to one another for ever, as good as one neuron (the tutorial&apos;s FAQ 6).</source>
        <translation>于是第 {l} 层的每个神经元算出的结果都一样，收到的误差也一样，同一层的神经元永远彼此相同，和一个神经元没有区别（教程的答疑 6）。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/diagnoses.py" line="98"/>
        <source>Here every dW and every hidden layer&apos;s db is exactly 0 (σ(0) = 0 keeps the hidden outputs at 0, and Wᵀ = 0 passes no error back): only b[{L}] learns, so the cost (now {c}) can fall no lower than what one constant output reaches, and no weight ever moves.</source>
        <translation>这里每个 dW 和每个隐含层的 db 都恰好为 0（σ(0) = 0 使隐含层的输出保持为 0，Wᵀ = 0 也传不回任何误差）：只有 b[{L}] 在学习，所以代价（现在是 {c}）最多只能降到一个常数输出所能达到的程度，任何权重都不会改变。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/diagnoses.py" line="109"/>
        <source>{layers} start at zero. {effect} This is not a vanishing gradient: no learning rate and no activation changes it; choose a random initialiser: {lecun}, {he}, {xavier} or {small}.</source>
        <translation>{layers} 从零开始。{effect}这不是梯度消失：换学习率、换激活函数都无济于事；请选择随机的初始化方法：{lecun}、{he}、{xavier} 或 {small}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/diagnoses.py" line="113"/>
        <source>no weight matrix is all zero</source>
        <translation>没有全为零的权重矩阵</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/diagnoses.py" line="133"/>
        <source>the gradients have vanished in every layer (largest ‖dW‖ {g}) while the cost is still {c}. σ′ = 0 for every sample in these neurons (dead ReLU: {dead}, saturated sigmoid/tanh: {saturated}; layer: neurons {which}), so 等式2 passes them no error. Start again with another initialiser, a smaller learning rate, or leaky ReLU.</source>
        <translation>各层的梯度都已消失（最大的 ‖dW‖ 为 {g}），而代价仍为 {c}。这些神经元对每个样本都有 σ′ = 0（死亡的 ReLU：{dead} 个，饱和的 sigmoid/tanh：{saturated} 个；层：神经元 {which}），等式2 传不回误差给它们。请换一种初始化方法、减小学习率或改用 leaky ReLU，重新开始。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/diagnoses.py" line="138"/>
        <source>no hidden neuron is stuck</source>
        <translation>没有停滞的隐含神经元</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/diagnoses.py" line="159"/>
        <source>training has converged: the gradient is zero (largest ‖dW‖ {g}) but the cost is still {c}, with {wrong} of {m} samples on the wrong side. Without a hidden layer the network separates the classes with a straight line (a plane) in its input features, and these classes are not linearly separable. Add a hidden layer, or an input feature that separates them (for XOR: x₁x₂).</source>
        <translation>训练已收敛：梯度为零（最大的 ‖dW‖ 为 {g}），但代价仍为 {c}，{m} 个样本中有 {wrong} 个分错。没有隐含层的网络只能用输入特征空间中的一条直线（一个平面）把两类分开，而这两类不是线性可分的。请加一个隐含层，或者加一个能把它们分开的输入特征（对 XOR 而言是 x₁x₂）。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/diagnoses.py" line="165"/>
        <source>training has converged: the gradient is zero (largest ‖dW‖ {g}) but the cost is still {c}: this is the best this network finds from here. Add neurons, a hidden layer or an input feature, or start from other initial weights.</source>
        <translation>训练已收敛：梯度为零（最大的 ‖dW‖ 为 {g}），但代价仍为 {c}：这是这个网络从当前位置能找到的最好结果。请增加神经元、隐含层或输入特征，或者换一组初始权重。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/diagnoses.py" line="184"/>
        <source>vanishing gradients: ‖dW[1]‖ is {r} of ‖dW[{L}]‖ (‖dW[l]‖/‖dW[{L}]‖ layer by layer: {ratios}), so the first layers hardly learn. On the way back 等式2 multiplies the error by Wᵀ and by σ′ (at most 0.25 for sigmoid) in every layer; try ReLU hidden layers, He initialisation or fewer layers.</source>
        <translation>梯度消失：‖dW[1]‖ 只有 ‖dW[{L}]‖ 的 {r}（逐层的 ‖dW[l]‖/‖dW[{L}]‖：{ratios}），前面几层几乎学不到东西。反向传播时，等式2 在每一层都把误差乘以 Wᵀ 和 σ′（sigmoid 的 σ′ 最大只有 0.25）；请在隐含层使用 ReLU、He 初始化，或减少层数。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/diagnoses.py" line="189"/>
        <source>vanishing gradients: ‖dW[1]‖ is {r} of ‖dW[{L}]‖ (‖dW[l]‖/‖dW[{L}]‖ layer by layer: {ratios}), so the first layers hardly learn. On the way back 等式2 multiplies the error by Wᵀ and by σ′ in every layer; try He initialisation or fewer layers.</source>
        <translation>梯度消失：‖dW[1]‖ 只有 ‖dW[{L}]‖ 的 {r}（逐层的 ‖dW[l]‖/‖dW[{L}]‖：{ratios}），前面几层几乎学不到东西。反向传播时，等式2 在每一层都把误差乘以 Wᵀ 和 σ′；请试试 He 初始化，或减少层数。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/diagnoses.py" line="244"/>
        <source>the cost went from {first} up to {top} before it did, so the learning rate {lr} is probably too high: each step overshoots the valley</source>
        <translation>发散之前代价从 {first} 升到了 {top}，所以学习率 {lr} 可能太大了：每一步都越过了谷底</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/diagnoses.py" line="247"/>
        <source>no computed cost rose before it (the first: {first}): the learning rate {lr} may still be too high, or the data&apos;s scale or the initial weights overflow the numbers</source>
        <translation>在此之前算出的代价没有上升（第一个是 {first}）：学习率 {lr} 仍可能太大，也可能是数据的尺度或初始权重使数值溢出</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/trainer.py" line="89"/>
        <source>the L2 strength λ must be from 0 to {max}, not {v}</source>
        <translation>L2 正则强度 λ 必须在 0 到 {max} 之间，而不是 {v}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/trainer.py" line="178"/>
        <source>the record would hold {n} iterations, more than a session keeps ({max}); reset the parameters to train again</source>
        <translation>记录将有 {n} 次迭代，超过一个会话能保存的 {max} 次；请重置参数后再训练</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/trainer.py" line="184"/>
        <source>the data has {n} input features but the network&apos;s input layer has {m} neurons</source>
        <translation>数据有 {n} 个输入特征，但网络的输入层有 {m} 个神经元</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/trainer.py" line="533"/>
        <source>cost NaN</source>
        <translation>代价为 NaN</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/trainer.py" line="534"/>
        <source>cost infinite</source>
        <translation>代价为无穷大</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/trainer.py" line="537"/>
        <source>cost {c}, {k}× the first</source>
        <translation>代价 {c}，是最初的 {k} 倍</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/trainer.py" line="484"/>
        <source>weights overflowed</source>
        <translation>权重溢出</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/images.py" line="77"/>
        <source>{name}: the file is empty</source>
        <translation>{name}：文件是空的</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/images.py" line="79"/>
        <source>{name}: {mb} MB is too big for a picture (at most {limit} MB)</source>
        <translation>{name}：{mb} MB 对一张图片来说太大了（最多 {limit} MB）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/images.py" line="84"/>
        <source>{name}: the JPEG file is incomplete (cut off before its end)</source>
        <translation>{name}：JPEG 文件不完整（在结尾之前被截断）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/images.py" line="90"/>
        <source>{name}: {kind} pictures are not read here; BP Studio reads PNG, JPEG, BMP, GIF, WebP and TIFF</source>
        <translation>{name}：这里不读取 {kind} 图片；BP Studio 读取 PNG、JPEG、BMP、GIF、WebP 和 TIFF</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/images.py" line="96"/>
        <source>{name}: the picture says it is {w}×{h} pixels; at most {max} million pixels are read</source>
        <translation>{name}：图片声明自己有 {w}×{h} 像素；最多读取 {max} 百万像素</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/images.py" line="108"/>
        <source>{name}: cannot read this image ({w}×{h} pixels would need over {mb} MB)</source>
        <translation>{name}：无法读取这张图片（{w}×{h} 像素需要超过 {mb} MB 内存）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/images.py" line="113"/>
        <source>{name}: cannot read this image ({why})</source>
        <translation>{name}：无法读取这张图片（{why}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/images.py" line="194"/>
        <source>this network takes {h}×{w} pictures of {c} channel(s); only RGB pictures (3 channels) are classified</source>
        <translation>这个网络接收 {h}×{w}、{c} 个通道的图片；只能分类 RGB 图片（3 个通道）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/images.py" line="198"/>
        <source>this network takes {n} numbers, not RGB images</source>
        <translation>这个网络的输入是 {n} 个数，不是 RGB 图像</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/data_origin.py" line="58"/>
        <source>{name}: unknown built-in data set {data}</source>
        <translation>{name}：未知的内置数据集 {data}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/data_origin.py" line="47"/>
        <source>{name}: its data set is missing ({path}); put it back or open the data first</source>
        <translation>{name}：找不到它的数据集（{path}）；请放回原处或先打开数据</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/data_origin.py" line="77"/>
        <source>{name}: its data set cannot be read ({why})</source>
        <translation>{name}：无法读取它的数据集（{why}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/session_store.py" line="150"/>
        <source>{name}: stop training before opening a session</source>
        <translation>{name}：请先停止训练，再打开会话</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/sessionfile.py" line="169"/>
        <location filename="../../bpstudio/core/sessionfile.py" line="195"/>
        <source>{name}: damaged session ({why})</source>
        <translation>{name}：会话已损坏（{why}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/session_store.py" line="137"/>
        <source>{name}: the network takes {n} inputs but its data set has {m}</source>
        <translation>{name}：网络需要 {n} 个输入，但它的数据集有 {m} 个</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/plane.py" line="58"/>
        <source>unknown feature {name}; choose from {known}</source>
        <translation>未知特征 {name}；可选：{known}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/plane.py" line="61"/>
        <source>choose at least one input feature</source>
        <translation>至少选择一个输入特征</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/image_folder.py" line="39"/>
        <source>{path}: not a folder</source>
        <translation>{path}：不是文件夹</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/image_folder.py" line="44"/>
        <source>{name}: needs exactly two sub-folders, one per class (e.g. cat/ and not-cat/); found {n}: {list}</source>
        <translation>{name}：需要正好两个子文件夹，每个类别一个（例如 cat/ 和 not-cat/）；找到 {n} 个：{list}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/image_folder.py" line="46"/>
        <source>{name}: needs exactly two sub-folders, one per class (e.g. cat/ and not-cat/); found none</source>
        <translation>{name}：需要正好两个子文件夹，每个类别一个（例如 cat/ 和 not-cat/）；一个也没有找到</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/image_folder.py" line="68"/>
        <source>images are resized to {min}–{max} pixels a side, not {side}</source>
        <translation>图片边长须缩放为 {min}–{max} 像素，而不是 {side}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/image_folder.py" line="74"/>
        <source>{name}/{folder}: no images (PNG, JPEG, BMP, GIF, WebP or TIFF)</source>
        <translation>{name}/{folder}：没有图片（PNG、JPEG、BMP、GIF、WebP 或 TIFF）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/image_folder.py" line="79"/>
        <source>{name}: {n} images of {side}×{side} would need {gb} GB once loaded, over the {limit} GB limit</source>
        <translation>{name}：{n} 张 {side}×{side} 的图片加载后需要 {gb} GB，超过了 {limit} GB 的上限</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/image_folder.py" line="96"/>
        <source>{name}/{folder}: none of its images could be read</source>
        <translation>{name}/{folder}：其中的图片都无法读取</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/image_folder.py" line="99"/>
        <source>{name}: one readable image; at least 2 are needed</source>
        <translation>{name}：只有 1 张可读图片；至少需要 2 张</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/image_folder.py" line="101"/>
        <source>{name}: no readable image; at least 2 are needed</source>
        <translation>{name}：没有可读的图片；至少需要 2 张</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="64"/>
        <source>For sigmoid σ′(z) = a(1 − a) is at most 0.25 (at z = 0). On the way back 等式2 multiplies the error by Wᵀ and then by σ′: the factor σ′ alone shrinks it at least fourfold, but Wᵀ can shrink or grow it too, so whether the error shrinks from layer to layer depends on the weights as well.</source>
        <translation>对 sigmoid 来说，σ′(z) = a(1 − a) 最大只有 0.25（在 z = 0 处）。反向传播时，等式2 先把误差乘以 Wᵀ，再乘以 σ′：单是 σ′ 这个因子就至少把误差缩小为四分之一，但 Wᵀ 也可能缩小或放大它，所以误差逐层是否缩小还取决于权重。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="68"/>
        <source>For sigmoid σ′(Z) = A ⊙ (1 − A), each element at most 0.25 (where Z is 0). On the way back 等式2 multiplies dZ by Wᵀ and then by σ′: the factor σ′ alone shrinks it at least fourfold, but Wᵀ can shrink or grow it too, so whether dZ shrinks from layer to layer depends on the weights as well.</source>
        <translation>对 sigmoid 来说，σ′(Z) = A ⊙ (1 − A)，每个元素最大只有 0.25（在 Z 为 0 处）。反向传播时，等式2 先把 dZ 乘以 Wᵀ，再乘以 σ′：单是 σ′ 这个因子就至少把它缩小为四分之一，但 Wᵀ 也可能缩小或放大它，所以 dZ 逐层是否缩小还取决于权重。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="73"/>
        <source>For ReLU σ′(z) is 1 where z &gt; 0 and 0 elsewhere: the error passes unchanged or not at all.</source>
        <translation>对 ReLU 来说，z &gt; 0 处 σ′(z) = 1，其余处为 0：误差要么原样传回，要么完全传不回。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="75"/>
        <source>For ReLU σ′(Z) is 1 where Z is positive and 0 elsewhere: dZ passes unchanged or not at all.</source>
        <translation>对 ReLU 来说，Z 为正处 σ′(Z) 为 1，其余处为 0：dZ 要么原样传回，要么完全传不回。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="78"/>
        <source>For tanh σ′(z) = 1 − a² is at most 1 (at z = 0) and small where the neuron saturates.</source>
        <translation>对 tanh 来说，σ′(z) = 1 − a² 最大为 1（在 z = 0 处），神经元饱和时很小。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="80"/>
        <source>For tanh σ′(Z) = 1 − A², each element at most 1 (where Z is 0) and small where the neuron saturates.</source>
        <translation>对 tanh 来说，σ′(Z) = 1 − A²，每个元素最大为 1（在 Z 为 0 处），神经元饱和时很小。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="83"/>
        <source>For leaky ReLU σ′(z) is 1 where z &gt; 0 and 0.01 elsewhere, so every neuron passes some error back.</source>
        <translation>对 leaky ReLU 来说，z &gt; 0 处 σ′(z) = 1，其余处为 0.01，所以每个神经元都能传回一些误差。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="85"/>
        <source>For leaky ReLU σ′(Z) is 1 where Z is positive and 0.01 elsewhere, so every neuron passes some of dZ back.</source>
        <translation>对 leaky ReLU 来说，Z 为正处 σ′(Z) 为 1，其余处为 0.01，所以每个神经元都能传回一部分 dZ。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="88"/>
        <source>For a linear unit σ′(z) = 1: the error passes unchanged.</source>
        <translation>对线性单元来说 σ′(z) = 1：误差原样传回。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="89"/>
        <source>For a linear unit σ′(Z) = 1: dZ passes unchanged.</source>
        <translation>对线性单元来说 σ′(Z) = 1：dZ 原样传回。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="111"/>
        <source>Here σ′ lies between {low} and {high}: {below} of its {n} values are below {bound}, a tenth of its largest, where neurons saturate and pass little error back.</source>
        <translation>这里 σ′ 介于 {low} 和 {high} 之间：{n} 个值中有 {below} 个小于其最大值的十分之一 {bound}，这些神经元已经饱和，几乎传不回误差。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="114"/>
        <source>Here σ′ lies between {low} and {high}: none of its {n} values is below {bound}, a tenth of its largest, so no neuron saturates.</source>
        <translation>这里 σ′ 介于 {low} 和 {high} 之间：{n} 个值中没有一个小于其最大值的十分之一 {bound}，所以没有神经元饱和。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="122"/>
        <source>Here {off} of the {n} values of σ′ are 0: those neurons are off and pass no error back.</source>
        <translation>这里 σ′ 的 {n} 个值中有 {off} 个为 0：这些神经元处于关闭状态，传不回任何误差。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="124"/>
        <location filename="../../bpstudio/core/claims.py" line="129"/>
        <source>Here all {n} values of σ′ are 1: every neuron passes its error back unchanged.</source>
        <translation>这里 σ′ 的全部 {n} 个值都是 1：每个神经元都把误差原样传回。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="127"/>
        <source>Here {off} of the {n} values of σ′ are 0.01: those neurons pass back a hundredth of their error.</source>
        <translation>这里 σ′ 的 {n} 个值中有 {off} 个为 0.01：这些神经元只传回百分之一的误差。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="133"/>
        <source>Here σ′ is not a finite number everywhere: the weights have overflowed, so these numbers say nothing any more.</source>
        <translation>这里 σ′ 并非处处是有限数：权重已经溢出，这些数值不再说明任何问题。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="136"/>
        <source>{fact} {evidence}</source>
        <translation>{fact}{evidence}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="185"/>
        <source>Here the error shrinks on its way back: ‖{d}[{l}]‖ is {r} × ‖{d}[{n}]‖ (Wᵀ multiplied its size by {wt}, σ′ by {sigma}).</source>
        <translation>这里误差在反向传播中缩小了：‖{d}[{l}]‖ 是 ‖{d}[{n}]‖ 的 {r} 倍（Wᵀ 把它的大小乘以 {wt}，σ′ 乘以 {sigma}）。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="188"/>
        <source>Here the error does not shrink on its way back: ‖{d}[{l}]‖ is {r} × ‖{d}[{n}]‖ (Wᵀ multiplied its size by {wt}, σ′ by {sigma}).</source>
        <translation>这里误差在反向传播中没有缩小：‖{d}[{l}]‖ 是 ‖{d}[{n}]‖ 的 {r} 倍（Wᵀ 把它的大小乘以 {wt}，σ′ 乘以 {sigma}）。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="194"/>
        <source>Here no error reaches layer {n} for this sample (δ[{n}] is 0), so none passes back to layer {l}.</source>
        <translation>这里对这个样本没有误差到达第 {n} 层（δ[{n}] 为 0），所以也没有误差传回第 {l} 层。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="196"/>
        <source>Here no error reaches layer {n} for any sample of the batch (dZ[{n}] is 0), so none passes back to layer {l}.</source>
        <translation>这里对这一批的任何样本都没有误差到达第 {n} 层（dZ[{n}] 为 0），所以也没有误差传回第 {l} 层。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="198"/>
        <source>Here W[{n}]ᵀ passes none of the error of layer {n} back: what reaches layer {l} is 0.</source>
        <translation>这里 W[{n}]ᵀ 没有把第 {n} 层的误差传回：到达第 {l} 层的是 0。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="200"/>
        <source>Here the error is not a finite number: the weights have overflowed, so its size on the way back says nothing any more.</source>
        <translation>这里的误差不是有限数：权重已经溢出，所以它在反向传播中的大小不再说明任何问题。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="259"/>
        <source>the cost function C is the mean of the m = {m} losses</source>
        <translation>代价函数 C 是 m = {m} 个损失的平均值</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="261"/>
        <source>the cost function C is the mean of the m = {m} losses ({mean}) plus the L2 term λ/(2m)·Σ‖W‖² = {penalty} (λ = {lambda})</source>
        <translation>代价函数 C 是 m = {m} 个损失的平均值（{mean}）加上 L2 项 λ/(2m)·Σ‖W‖² = {penalty}（λ = {lambda}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="266"/>
        <source>one number for the whole batch: what the cost curve plots for this iteration</source>
        <translation>整批样本只有一个数：代价曲线在这次迭代画的就是它</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="268"/>
        <source>one number for all m = {m} training samples; training takes mini-batches of {b}, so its cost curve plots each mini-batch&apos;s cost, which scatters around this one</source>
        <translation>全部 m = {m} 个训练样本只有一个数；训练每次取 {b} 个样本的小批量，所以代价曲线画的是每个小批量的代价，散布在这个数的周围</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="273"/>
        <source>over m samples, the mean of their losses is the cost function</source>
        <translation>对 m 个样本，它们损失的平均值就是代价函数</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="275"/>
        <source>over m samples, the mean of their losses plus the L2 term λ/(2m)·Σ‖W‖² (λ = {lambda}) is the cost function</source>
        <translation>对 m 个样本，它们损失的平均值加上 L2 项 λ/(2m)·Σ‖W‖²（λ = {lambda}）就是代价函数</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="280"/>
        <source>the next step averages them into the cost C</source>
        <translation>下一步把它们平均成代价 C</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="282"/>
        <source>the next step averages them and adds the L2 term λ/(2m)·Σ‖W‖² = {penalty}: the cost C</source>
        <translation>下一步把它们平均，再加上 L2 项 λ/(2m)·Σ‖W‖² = {penalty}，得到代价 C</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="290"/>
        <source>the cost function C is not a finite number here: the numbers of this network have overflowed</source>
        <translation>这里的代价函数 C 不是有限数：这个网络的数值已经溢出</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="293"/>
        <source>they are not all finite numbers: the numbers of this network have overflowed, so the cost C the next step makes of them is not finite either</source>
        <translation>它们并不都是有限数：这个网络的数值已经溢出，所以下一步由它们算出的代价 C 也不是有限数</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="327"/>
        <source>one step of stochastic gradient descent on this one sample: it lowers this sample&apos;s loss L from {before} to {after}, not the cost of all {m} training samples that training lowers; Ctrl+Z takes it back</source>
        <translation>只在这一个样本上做一步随机梯度下降：它把这个样本的损失 L 从 {before} 降到 {after}，降低的不是训练所降低的全部 {m} 个训练样本的代价；Ctrl+Z 可以撤销</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="331"/>
        <source>one step of stochastic gradient descent on this one sample: with α = {alpha} it does not lower this sample&apos;s loss L ({before} before, {after} after); Ctrl+Z takes it back</source>
        <translation>只在这一个样本上做一步随机梯度下降：α = {alpha} 时它没有降低这个样本的损失 L（之前 {before}，之后 {after}）；Ctrl+Z 可以撤销</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="337"/>
        <source>one iteration of gradient descent on all {m} samples (the full batch), the same numbers training computes for that batch; Ctrl+Z takes it back</source>
        <translation>在全部 {m} 个样本（整批）上做一次梯度下降迭代，数值与训练对这一批算出的完全相同；Ctrl+Z 可以撤销</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="340"/>
        <source>one iteration of gradient descent on all {m} samples (the full batch); training takes mini-batches of {b}, so each of its iterations is a step on {b} samples, not on these {m}; Ctrl+Z takes it back</source>
        <translation>在全部 {m} 个样本（整批）上做一次梯度下降迭代；训练每次取 {b} 个样本的小批量，所以它的每次迭代只在 {b} 个样本上走一步，而不是这 {m} 个；Ctrl+Z 可以撤销</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="348"/>
        <source>one step of stochastic gradient descent on this one sample: this sample&apos;s loss L is not a finite number, as the numbers of this network have overflowed, so the step cannot lower it; Ctrl+Z takes it back</source>
        <translation>只在这一个样本上做一步随机梯度下降：这个网络的数值已经溢出，这个样本的损失 L 不是有限数，所以这一步无法降低它；Ctrl+Z 可以撤销</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/claims.py" line="352"/>
        <source>one step of stochastic gradient descent on this one sample: with α = {alpha} it makes this sample&apos;s loss L, {before} before it, overflow; Ctrl+Z takes it back</source>
        <translation>只在这一个样本上做一步随机梯度下降：α = {alpha} 时它使这个样本的损失 L（之前为 {before}）溢出；Ctrl+Z 可以撤销</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="49"/>
        <source>matrix product</source>
        <translation>矩阵乘积</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="50"/>
        <source>broadcast add</source>
        <translation>广播相加</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="51"/>
        <source>σ of each element</source>
        <translation>对每个元素求 σ</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="52"/>
        <source>the loss function L(a, y)</source>
        <translation>损失函数 L(a, y)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="53"/>
        <source>the loss function of each column (each sample)</source>
        <translation>对每一列（每个样本）求损失函数</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="54"/>
        <source>column times row (each product once, nothing summed)</source>
        <translation>列向量乘行向量（每个乘积只算一次，不求和）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="56"/>
        <source>nothing to compute: the same numbers</source>
        <translation>无需计算：数值不变</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="57"/>
        <source>element-wise product ⊙</source>
        <translation>对应元素相乘 ⊙</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="58"/>
        <source>element-wise quotients</source>
        <translation>对应元素相除</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="59"/>
        <source>subtraction</source>
        <translation>相减</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="60"/>
        <source>addition</source>
        <translation>相加</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="61"/>
        <source>sum of each row</source>
        <translation>每行求和</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="62"/>
        <source>sum of all elements</source>
        <translation>所有元素求和</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="63"/>
        <source>scaled by a number</source>
        <translation>乘以一个数</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="67"/>
        <source>forward pass</source>
        <translation>前向传播</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="68"/>
        <source>cost</source>
        <translation>代价</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="69"/>
        <source>backward pass</source>
        <translation>反向传播</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="70"/>
        <source>update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="145"/>
        <source>output-layer error</source>
        <translation>输出层误差</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="146"/>
        <source>hidden-layer error</source>
        <translation>隐含层误差</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="147"/>
        <source>rates of change of the parameters</source>
        <translation>参数变化率</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="148"/>
        <source>parameter update</source>
        <translation>参数更新</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="150"/>
        <source>Gradient descent: the gradient points where the cost grows fastest, so the parameter takes a step of α = {alpha} against it. Too large an α overshoots and the cost diverges; too small a one crawls. The learning rate is a hyper-parameter: you choose it, the network does not learn it.</source>
        <translation>梯度下降：梯度指向代价增加最快的方向，所以参数沿相反方向走一步，步长由 α = {alpha} 决定。α 太大会越过最小值，代价发散；太小则前进得很慢。学习率是超参数：由你选定，网络不会自己学。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="157"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="169"/>
        <source>column i is ∂L⁽ⁱ⁾/∂A⁽ⁱ⁾, the gradient of sample i&apos;s own loss, which is m = {m} times ∂C/∂A. The tutorial&apos;s table writes ∇_A C (that is ∂C/∂A) here and its 等式3 divides by m again, which would divide twice; here each sample keeps its own gradient and 等式3 divides by m once</source>
        <translation>第 i 列是 ∂L⁽ⁱ⁾/∂A⁽ⁱ⁾，即第 i 个样本自己的损失的梯度，它是 ∂C/∂A 的 m = {m} 倍。教程的表格在这里写的是 ∇_A C（即 ∂C/∂A），而它的等式3 又除了一次 m，这样就除了两次；这里每个样本保留自己的梯度，在等式3 中只除一次 m</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="178"/>
        <source>Cross-entropy (the tutorial&apos;s FAQ 4): each output A⁽ⁱ⁾ is read as the probability of class 1, and −log of the probability given to the true class is sample i&apos;s loss; minimising their mean is maximum likelihood. Least squares would also work, but with a sigmoid output it is not convex, so it may stop in a local minimum, and its gradient carries σ′, which vanishes when an output is confidently wrong; cross-entropy is convex in the output layer&apos;s weights and its dZ is simply A − Y.</source>
        <translation>交叉熵（教程的答疑 4）：把每个输出 A⁽ⁱ⁾ 看作类别 1 的概率，第 i 个样本的损失是赋给真实类别的概率取 −log；最小化它们的平均值就是极大似然估计。最小二乘法也可以用，但配合 sigmoid 输出时它不是凸函数，可能停在局部最优，而且它的梯度带着 σ′，输出很有把握地出错时 σ′ 几乎为零；交叉熵对输出层的权重是凸的，它的 dZ 就是 A − Y。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="185"/>
        <source>The squared error ½(A⁽ⁱ⁾ − Y⁽ⁱ⁾)² of each sample (least squares): its gradient is A − Y times σ′(Z) of the output, so a saturated output learns slowly even when it is wrong, and with a sigmoid output the cost is not convex (the tutorial&apos;s FAQ 4). The tutorial chooses cross-entropy for a yes/no output; this network uses the squared error.</source>
        <translation>每个样本的平方误差 ½(A⁽ⁱ⁾ − Y⁽ⁱ⁾)²（最小二乘法）：它的梯度是 A − Y 乘以输出层的 σ′(Z)，所以即使输出错了，只要已经饱和就学得很慢；配合 sigmoid 输出时代价函数也不是凸的（教程的答疑 4）。教程对是/否的输出选用交叉熵；这个网络用的是平方误差。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="190"/>
        <source>How each sample&apos;s loss changes when its output changes: for cross-entropy column i is −(Y⁽ⁱ⁾/A⁽ⁱ⁾ − (1 − Y⁽ⁱ⁾)/(1 − A⁽ⁱ⁾)), large where the output is confidently wrong. 等式1 multiplies dA by σ′(Z), element by element, to get the output layer&apos;s dZ.</source>
        <translation>每个样本的输出变化时它的损失如何变化：对交叉熵来说第 i 列是 −(Y⁽ⁱ⁾/A⁽ⁱ⁾ − (1 − Y⁽ⁱ⁾)/(1 − A⁽ⁱ⁾))，输出很有把握地出错时它很大。等式1 把 dA 与 σ′(Z) 对应元素相乘，得到输出层的 dZ。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="194"/>
        <source>How each sample&apos;s loss changes when its output changes: for the squared error ½(A⁽ⁱ⁾ − Y⁽ⁱ⁾)² it is A − Y. 等式1 multiplies dA by σ′(Z), element by element, to get the output layer&apos;s dZ.</source>
        <translation>每个样本的输出变化时它的损失如何变化：对平方误差 ½(A⁽ⁱ⁾ − Y⁽ⁱ⁾)² 来说它是 A − Y。等式1 把 dA 与 σ′(Z) 对应元素相乘，得到输出层的 dZ。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="198"/>
        <source>The output layer&apos;s dZ holds each sample&apos;s ∂L⁽ⁱ⁾/∂Z. By the chain rule element j of a column is Σ_k ∂L⁽ⁱ⁾/∂A_k·∂A_k/∂Z_j, and A_k depends on Z_j only when k = j, so the sum keeps one term: dA_j·σ′(Z_j). Stacking (堆砌) these products for every neuron and sample is the element-wise ⊙ of 等式1, not a matrix product (the tutorial&apos;s FAQ 1). {derivative}</source>
        <translation>输出层的 dZ 存放每个样本的 ∂L⁽ⁱ⁾/∂Z。根据链式法则，一列的第 j 个元素是 Σ_k ∂L⁽ⁱ⁾/∂A_k·∂A_k/∂Z_j，而只有 k = j 时 A_k 才与 Z_j 有关，所以求和只剩一项：dA_j·σ′(Z_j)。把每个神经元、每个样本的这些乘积“堆砌”起来，就是等式1 中的对应元素相乘 ⊙，而不是矩阵乘积（教程的答疑 1）。{derivative}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="203"/>
        <source>The output layer&apos;s dZ holds each sample&apos;s ∂L⁽ⁱ⁾/∂Z. By the chain rule element j of a column is dA_j·σ′(Z_j), since A_k depends on Z_j only when k = j; stacked (堆砌) for every neuron and sample that is the ⊙ of 等式1 (the tutorial&apos;s FAQ 1). For a sigmoid with cross-entropy the product simplifies: σ′ = A ⊙ (1 − A) cancels the denominators and leaves A − Y, the difference between what the network said and the truth, sample by sample.</source>
        <translation>输出层的 dZ 存放每个样本的 ∂L⁽ⁱ⁾/∂Z。根据链式法则，一列的第 j 个元素是 dA_j·σ′(Z_j)，因为只有 k = j 时 A_k 才与 Z_j 有关；对每个神经元、每个样本“堆砌”起来就是等式1 中的 ⊙（教程的答疑 1）。对 sigmoid 配交叉熵，这个乘积可以化简：σ′ = A ⊙ (1 − A) 约掉了分母，剩下 A − Y，也就是每个样本上网络的输出与真实值之差。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="210"/>
        <source>Why the transpose (the tutorial&apos;s FAQ 2): neuron j of layer l feeds neuron k of layer l+1 through w_kj, so for each sample dA_j = Σ_k w_kj·dZ_k. Summing over the row index k of W[l+1] is a product with its transpose: W[l+1]ᵀ·dZ[l+1], for all m columns at once. The error flows back along the same weights it came through, in the other direction.</source>
        <translation>为什么要转置（教程的答疑 2）：第 l 层的神经元 j 通过 w_kj 连到第 l+1 层的神经元 k，所以对每个样本 dA_j = Σ_k w_kj·dZ_k。对 W[l+1] 的行下标 k 求和，就是乘以它的转置：W[l+1]ᵀ·dZ[l+1]，m 列一次算完。误差沿着它来时经过的同一组权重反向流回。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="215"/>
        <source>A hidden neuron&apos;s dZ is what is passed back to it times its own slope σ′(Z): dZ_j = (Σ_k w_kj·dZ_k)·σ′(Z_j) in every column. Each neuron has its own slope, so this is ⊙, neuron by neuron and sample by sample. {passback} {derivative}</source>
        <translation>隐含层神经元的 dZ 等于传回给它的误差乘以它自己的斜率 σ′(Z)：每一列中 dZ_j = (Σ_k w_kj·dZ_k)·σ′(Z_j)。每个神经元有自己的斜率，所以这里是逐个神经元、逐个样本的 ⊙。{passback}{derivative}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="219"/>
        <source>A bias adds 1·b_j to every Z_j, so each sample&apos;s ∂L⁽ⁱ⁾/∂b_j is its dZ_j. The cost is the mean of the losses, so db is the mean of the samples&apos; dZ: the sum of each row over the columns, times 1/m, which keeps the step from growing with m.</source>
        <translation>偏差给每个 Z_j 加上 1·b_j，所以每个样本的 ∂L⁽ⁱ⁾/∂b_j 就是它的 dZ_j。代价是损失的平均值，所以 db 是各样本 dZ 的平均：每一行对各列求和再乘以 1/m，这样步长不会随 m 变大。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="223"/>
        <source>Where the matrix form comes from (the tutorial&apos;s FAQ 3): w_jk joins input k to neuron j, so each sample&apos;s ∂L⁽ⁱ⁾/∂w_jk is A_k·dZ_j of its column. In row j, column k the product dZ·Aᵀ adds these up over the m samples for every pair at once, and 1/m averages: dW has the shape of W.</source>
        <translation>矩阵形式是怎么来的（教程的答疑 3）：w_jk 把输入 k 连到神经元 j，所以每个样本的 ∂L⁽ⁱ⁾/∂w_jk 是它那一列的 A_k·dZ_j。乘积 dZ·Aᵀ 一次就把每一对 (j, k) 在 m 个样本上的这些乘积加到第 j 行第 k 列，再乘以 1/m 取平均：dW 的形状与 W 相同。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="232"/>
        <source>weighted input z</source>
        <translation>线性结果 z</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="232"/>
        <source>weighted input Z</source>
        <translation>线性结果 Z</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="236"/>
        <source>each z_j = Σ_k w_jk·a_k + b_j: row j of W[{l}] times the column a[{p}] of this one sample, plus neuron j&apos;s bias</source>
        <translation>每个 z_j = Σ_k w_jk·a_k + b_j：W[{l}] 的第 j 行乘以这个样本的列向量 a[{p}]，再加上第 j 个神经元的偏差</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="238"/>
        <source>the same for each of the m = {m} columns (one per sample); b[{l}] is one column, added to every one of them (broadcast)</source>
        <translation>对 m = {m} 列（每列一个样本）各算一遍；b[{l}] 只有一列，加到每一列上（广播）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="240"/>
        <source>Each neuron adds up its inputs, each weighted by its row of W[l], and adds its bias. Why W starts random and b at zero (the tutorial&apos;s FAQ 6): with equal weights every hidden neuron of a layer would compute the same thing and receive the same error, so they would stay equal for ever, as good as one neuron; random weights break the tie. The biases need no such help, since the weights already differ, so they may start at 0. This network was initialised with {init}.</source>
        <translation>每个神经元把输入按 W[l] 中它那一行的权重加权求和，再加上自己的偏差。为什么 W 随机初始化而 b 初始化为 0（教程的答疑 6）：如果权重都相同，同一层的每个隐含神经元算出的结果都一样，收到的误差也一样，于是永远保持相同，和一个神经元没有区别；随机的权重打破了这种对称。偏差不需要这样，因为权重已经各不相同，所以可以从 0 开始。这个网络的初始化方法是 {init}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="249"/>
        <source>activation a</source>
        <translation>激活函数输出 a</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="378"/>
        <source>A hidden neuron&apos;s error is the error passed back to it times its own slope σ′(z): δ_j = Σ_k w_kj·δ_k·σ′(z_j). Each neuron has its own slope, so this is ⊙, neuron by neuron. {passback} {derivative}</source>
        <translation>隐含层神经元的误差等于传回给它的误差乘以它自己的斜率 σ′(z)：δ_j = Σ_k w_kj·δ_k·σ′(z_j)。每个神经元有自己的斜率，所以这里是逐个神经元的 ⊙。{passback}{derivative}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="404"/>
        <source>m = {m} samples: row j, column k of the product sums dZ_j⁽ⁱ⁾·A_k⁽ⁱ⁾ over them, 1/m averages; the result has the shape of W[{l}]</source>
        <translation>m = {m} 个样本：乘积的第 j 行第 k 列把各样本的 dZ_j⁽ⁱ⁾·A_k⁽ⁱ⁾ 加起来，1/m 取平均；结果的形状与 W[{l}] 相同</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="407"/>
        <source>Where the matrix form comes from (the tutorial&apos;s FAQ 3): w_jk joins input k to neuron j, so ∂L/∂w_jk = a_k·δ_j. Put that in row j, column k and the whole matrix is the column δ times the row aᵀ: δ·aᵀ, which has the shape of W. Training on many samples averages these matrices over them.</source>
        <translation>矩阵形式是怎么来的（教程的答疑 3）：w_jk 把输入 k 连到神经元 j，所以 ∂L/∂w_jk = a_k·δ_j。把它放在第 j 行第 k 列，整个矩阵就是列向量 δ 乘以行向量 aᵀ：δ·aᵀ，形状与 W 相同。在多个样本上训练时，这些矩阵在样本上取平均。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="254"/>
        <source>Without a non-linear σ, any number of layers would collapse into one linear map, which cannot separate classes that no straight line separates; σ lets the network bend its decision boundary. {derivative}</source>
        <translation>没有非线性的 σ，再多的层也会合并成一个线性映射，分不开一条直线分不开的两类；σ 让网络能弯曲它的决策边界。{derivative}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="159"/>
        <source>loss L of this sample</source>
        <translation>这个样本的损失函数 L</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="160"/>
        <source>loss L of each sample</source>
        <translation>每个样本的损失函数 L</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="265"/>
        <source>Cross-entropy (the tutorial&apos;s FAQ 4): the output a is read as the probability of class 1, and −log of the probability given to the true class is the loss; minimising it is maximum likelihood. Least squares would also work, but with a sigmoid output it is not convex, so it may stop in a local minimum, and its gradient carries σ′, which vanishes when the output is confidently wrong; cross-entropy is convex in the output layer&apos;s weights and its error is simply a − y.</source>
        <translation>交叉熵（教程的答疑 4）：把输出 a 看作类别 1 的概率，损失是赋给真实类别的概率取 −log；最小化它就是极大似然估计。最小二乘法也可以用，但配合 sigmoid 输出时它不是凸函数，可能停在局部最优，而且它的梯度带着 σ′，输出很有把握地出错时 σ′ 几乎为零；交叉熵对输出层的权重是凸的，误差就是 a − y。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="278"/>
        <source>The squared error ½(a − y)² (least squares): its gradient is a − y times σ′(z) of the output, so a saturated output learns slowly even when it is wrong, and with a sigmoid output the cost is not convex (the tutorial&apos;s FAQ 4). The tutorial chooses cross-entropy for a yes/no output; this network uses the squared error.</source>
        <translation>平方误差 ½(a − y)²（最小二乘法）：它的梯度是 a − y 乘以输出层的 σ′(z)，所以即使输出错了，只要已经饱和就学得很慢；配合 sigmoid 输出时代价函数也不是凸的（教程的答疑 4）。教程对是/否的输出选用交叉熵；这个网络用的是平方误差。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="289"/>
        <source>The tutorial tells the two apart: the loss function is one sample&apos;s error, the cost function is the mean over the m samples that go in together. Gradient descent lowers the cost, so every gradient of the backward pass is an average over the samples (the 1/m of 等式3).</source>
        <translation>教程区分了这两个概念：损失函数是单个样本的误差，代价函数是同时输入的 m 个样本误差的平均值。梯度下降降低的是代价，所以反向传播中的每个梯度都是对样本的平均（等式3 中的 1/m）。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="165"/>
        <source>gradient of the loss with respect to the output</source>
        <translation>损失函数对输出的梯度</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="166"/>
        <source>each sample&apos;s gradient of its loss</source>
        <translation>每个样本的损失对输出的梯度</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="168"/>
        <source>∂L/∂a of this one sample: the first factor of 等式1</source>
        <translation>这个样本的 ∂L/∂a：等式1 的第一个因子</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="358"/>
        <source>a matrix product: each neuron j of layer {l} collects the errors of the neurons it feeds, weighted by w_kj. The formula table of the tutorial&apos;s cat example (its row 9) writes dA[l] = w[l]ᵀ ⊙ dZ[l]: the product is a matrix product, not ⊙, and its left side is dA[l−1]</source>
        <translation>矩阵乘积：第 {l} 层的每个神经元 j 收集它所连接的各神经元的误差，按 w_kj 加权。教程“是不是猫”一节的公式表（第 9 行）写作 dA[l] = w[l]ᵀ ⊙ dZ[l]：这里是矩阵乘积而不是 ⊙，而且等号左边应是 dA[l−1]</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="302"/>
        <source>How the loss changes when the output a changes: for cross-entropy ∂L/∂a = −(y/a − (1 − y)/(1 − a)), large where the output is confidently wrong. 等式1 multiplies it by σ′(z), element by element, to get the output layer&apos;s error.</source>
        <translation>输出 a 变化时损失如何变化：对交叉熵来说 ∂L/∂a = −(y/a − (1 − y)/(1 − a))，输出很有把握地出错时它很大。等式1 把它与 σ′(z) 对应元素相乘，得到输出层误差。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="162"/>
        <source>the loss function L measures the error of this one sample; {then}</source>
        <translation>损失函数 L 衡量这一个样本的误差；{then}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="164"/>
        <source>one loss per sample (the loss function); {then}</source>
        <translation>每个样本一个损失（损失函数）；{then}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="249"/>
        <source>activation A</source>
        <translation>激活函数输出 A</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="252"/>
        <source>σ = {act}: σ(z) = {formula}, applied to each element of z</source>
        <translation>σ = {act}：σ(z) = {formula}，对 z 的每个元素计算</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="253"/>
        <source>σ = {act}: σ(Z) = {formula}, applied to each element of Z</source>
        <translation>σ = {act}：σ(Z) = {formula}，对 Z 的每个元素计算</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="285"/>
        <source>cost C of the m losses</source>
        <translation>m 个损失的代价函数 C</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="288"/>
        <source>{what}; {curve}</source>
        <translation>{what}；{curve}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="312"/>
        <source>How the loss changes when the output a changes: for the squared error ½(a − y)² it is a − y. 等式1 multiplies it by σ′(z), element by element, to get the output layer&apos;s error.</source>
        <translation>输出 a 变化时损失如何变化：对平方误差 ½(a − y)² 来说它是 a − y。等式1 把它与 σ′(z) 对应元素相乘，得到输出层误差。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="318"/>
        <source>the gradient ⊙ σ′(z)</source>
        <translation>梯度 ⊙ σ′(z)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="319"/>
        <source>the gradient ⊙ σ′(Z)</source>
        <translation>梯度 ⊙ σ′(Z)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="323"/>
        <source>σ = {act}: σ′(z) = {prime}; ⊙ multiplies element by element</source>
        <translation>σ = {act}：σ′(z) = {prime}；⊙ 表示对应元素相乘</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="324"/>
        <source>σ = {act}: σ′(Z) = {prime}; ⊙ multiplies element by element</source>
        <translation>σ = {act}：σ′(Z) = {prime}；⊙ 表示对应元素相乘</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="325"/>
        <source>The output error δ = ∂L/∂z. By the chain rule δ_j = Σ_k ∂L/∂a_k·∂a_k/∂z_j, and a_k depends on z_j only when k = j, so the sum keeps one term: δ_j = ∂L/∂a_j·σ′(z_j). Stacking (堆砌) these per-neuron products into a column is the element-wise ⊙ of 等式1, not a matrix product (the tutorial&apos;s FAQ 1). {derivative}</source>
        <translation>输出层误差 δ = ∂L/∂z。根据链式法则 δ_j = Σ_k ∂L/∂a_k·∂a_k/∂z_j，而只有 k = j 时 a_k 才与 z_j 有关，所以求和只剩一项：δ_j = ∂L/∂a_j·σ′(z_j)。把这些逐个神经元的乘积“堆砌”成一列，就是等式1 中的对应元素相乘 ⊙，而不是矩阵乘积（教程的答疑 1）。{derivative}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="332"/>
        <source>the gradient ⊙ σ′(z), which is a − y here</source>
        <translation>梯度 ⊙ σ′(z)，这里就是 a − y</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="333"/>
        <source>the gradient ⊙ σ′(Z), which is A − Y here</source>
        <translation>梯度 ⊙ σ′(Z)，这里就是 A − Y</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="336"/>
        <source>with a sigmoid output and cross-entropy, ∇ₐL ⊙ σ′(z) = −(y/a − (1 − y)/(1 − a))·a(1 − a) is exactly a − y; computed so, it stays finite where ∇ₐL is infinite (a saturated output)</source>
        <translation>输出层为 sigmoid、代价为交叉熵时，∇ₐL ⊙ σ′(z) = −(y/a − (1 − y)/(1 − a))·a(1 − a) 恰好等于 a − y；直接这样计算，在 ∇ₐL 为无穷大（输出饱和）时结果也是有限的</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="339"/>
        <source>with a sigmoid output and cross-entropy, dA ⊙ σ′(Z) = −(Y/A − (1 − Y)/(1 − A)) ⊙ A ⊙ (1 − A) is exactly A − Y, element by element; computed so, it stays finite where dA is infinite (a saturated output)</source>
        <translation>输出层为 sigmoid、代价为交叉熵时，dA ⊙ σ′(Z) = −(Y/A − (1 − Y)/(1 − A)) ⊙ A ⊙ (1 − A) 逐个元素恰好等于 A − Y；直接这样计算，在 dA 为无穷大（输出饱和）时结果也是有限的</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="343"/>
        <source>The output error δ = ∂L/∂z. By the chain rule δ_j = Σ_k ∂L/∂a_k·∂a_k/∂z_j, and a_k depends on z_j only when k = j, so the sum keeps one term: δ_j = ∂L/∂a_j·σ′(z_j); stacked (堆砌) into a column that is the ⊙ of 等式1 (the tutorial&apos;s FAQ 1). For a sigmoid with cross-entropy the product simplifies: σ′ = a(1 − a) cancels the denominators and leaves a − y, the difference between what the network said and the truth.</source>
        <translation>输出层误差 δ = ∂L/∂z。根据链式法则 δ_j = Σ_k ∂L/∂a_k·∂a_k/∂z_j，而只有 k = j 时 a_k 才与 z_j 有关，所以求和只剩一项：δ_j = ∂L/∂a_j·σ′(z_j)；“堆砌”成一列就是等式1 中的 ⊙（教程的答疑 1）。对 sigmoid 配交叉熵，这个乘积可以化简：σ′ = a(1 − a) 约掉了分母，剩下 a − y，也就是网络的输出与真实值之差。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="352"/>
        <source>the error passed back through Wᵀ</source>
        <translation>误差经 Wᵀ 反向传递</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="356"/>
        <source>a matrix product: each neuron j of layer {l} collects the errors δ of the neurons it feeds, weighted by w_kj: Σ_k w_kj·δ_k</source>
        <translation>矩阵乘积：第 {l} 层的每个神经元 j 收集它所连接的各神经元的误差 δ，按 w_kj 加权：Σ_k w_kj·δ_k</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="362"/>
        <source>Why the transpose (the tutorial&apos;s FAQ 2): neuron j of layer l feeds neuron k of layer l+1 through w_kj, so ∂z_k/∂a_j = w_kj, and ∂L/∂a_j = Σ_k w_kj·δ_k. Summing over the row index k of W[l+1] is a product with its transpose: W[l+1]ᵀ·δ[l+1]. The error flows back along the same weights it came through, in the other direction.</source>
        <translation>为什么要转置（教程的答疑 2）：第 l 层的神经元 j 通过 w_kj 连到第 l+1 层的神经元 k，所以 ∂z_k/∂a_j = w_kj，∂L/∂a_j = Σ_k w_kj·δ_k。对 W[l+1] 的行下标 k 求和，就是乘以它的转置：W[l+1]ᵀ·δ[l+1]。误差沿着它来时经过的同一组权重反向流回。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="369"/>
        <source>times σ′(z), element by element</source>
        <translation>与 σ′(z) 对应元素相乘</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="370"/>
        <source>times σ′(Z), element by element</source>
        <translation>与 σ′(Z) 对应元素相乘</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="374"/>
        <source>σ = {act}: σ′(z) = {prime}; together with the step before, δ[{l}] = [W[{n}]ᵀ·δ[{n}]] ⊙ σ′(z[{l}]), 等式2</source>
        <translation>σ = {act}：σ′(z) = {prime}；和上一步合起来就是等式2：δ[{l}] = [W[{n}]ᵀ·δ[{n}]] ⊙ σ′(z[{l}])</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="376"/>
        <source>σ = {act}: σ′(Z) = {prime}; together with the step before, dZ[{l}] = [W[{n}]ᵀ·dZ[{n}]] ⊙ σ′(Z[{l}]), 等式2</source>
        <translation>σ = {act}：σ′(Z) = {prime}；和上一步合起来就是等式2：dZ[{l}] = [W[{n}]ᵀ·dZ[{n}]] ⊙ σ′(Z[{l}])</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="384"/>
        <source>bias gradient</source>
        <translation>偏差梯度</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="388"/>
        <source>∂z/∂b = 1, so the bias gradient is the error itself (m = 1: nothing to sum)</source>
        <translation>∂z/∂b = 1，所以偏差梯度就是误差本身（m = 1：没有需要求和的）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="390"/>
        <source>the sum of each row of dZ[{l}] over the m = {m} samples, times 1/m. The tutorial&apos;s table writes 1/m·meanOfEachRow, which would divide by m twice</source>
        <translation>dZ[{l}] 的每一行对 m = {m} 个样本求和，再乘以 1/m。教程的表格写作 1/m·meanOfEachRow，那样就除了两次 m</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="393"/>
        <source>A bias adds 1·b_j to z_j, so ∂L/∂b_j = δ_j. Over m samples the cost is the mean of the losses, so the gradient is the mean of the samples&apos; δ: the sum of each row over the columns, times 1/m, which keeps the step from growing with m.</source>
        <translation>偏差给 z_j 加上 1·b_j，所以 ∂L/∂b_j = δ_j。m 个样本时代价是损失的平均值，所以梯度是各样本 δ 的平均：每一行对各列求和再乘以 1/m，这样步长不会随 m 变大。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="399"/>
        <source>weight gradient</source>
        <translation>权重梯度</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="403"/>
        <source>m = 1 sample: row j, column k is δ_j·a_k, the shape of W[{l}]</source>
        <translation>m = 1 个样本：第 j 行第 k 列是 δ_j·a_k，形状与 W[{l}] 相同</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="415"/>
        <source>bias update</source>
        <translation>偏差更新</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="419"/>
        <location filename="../../bpstudio/core/equations.py" line="426"/>
        <source>a step of α = {alpha} against the gradient</source>
        <translation>沿梯度的反方向走一步，α = {alpha}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/equations.py" line="422"/>
        <source>weight update</source>
        <translation>权重更新</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/settings.py" line="66"/>
        <location filename="../../bpstudio/app/settings.py" line="75"/>
        <source>The settings file {path} is not a regular file; nothing is remembered this time</source>
        <translation>设置文件 {path} 的文件类型不能读取；这次不会保存任何设置</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/settings.py" line="70"/>
        <source>The settings file {path} is {size} MB, more than settings ever take ({max} MB); it was not read, and nothing is remembered this time</source>
        <translation>设置文件 {path} 有 {size} MB，远超设置所需（至多 {max} MB）；未读取它，这次不会保存任何设置</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/settings.py" line="109"/>
        <source>The remembered setting {key} ({value}) could not be used; it was reset</source>
        <translation>保存的设置 {key}（{value}）无法使用；已重置</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/explain.py" line="314"/>
        <source>above</source>
        <translation>大于</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/explain.py" line="315"/>
        <source>not above</source>
        <translation>不大于</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/explain.py" line="359"/>
        <source>a weight: it carries neuron {k} of layer {p} into neuron {j} of layer {l}; it began as the initialiser drew it, and each update has changed it</source>
        <translation>一个权重：它把第 {p} 层第 {k} 个神经元连到第 {l} 层第 {j} 个神经元；它起初由初始化随机给出，之后每次更新都会改变它</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/explain.py" line="370"/>
        <source>the bias of neuron {j} of layer {l}: added to its weighted input in every sample</source>
        <translation>第 {l} 层第 {j} 个神经元的偏差：在每个样本中都加到它的线性结果上</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/explain.py" line="409"/>
        <source>the weighted input of neuron {j} of layer {l}: its inputs from layer {p}, each times the weight it comes in by, summed, plus the neuron&apos;s bias</source>
        <translation>第 {l} 层第 {j} 个神经元的线性结果：来自第 {p} 层的每个输入乘以它所经过的权重，相加，再加上这个神经元的偏差</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/explain.py" line="480"/>
        <source>the cost: the mean of the {m} samples&apos; losses</source>
        <translation>代价：{m} 个样本的损失的平均值</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/explain.py" line="561"/>
        <source>the error passed back to neuron {j} of layer {l} (equation 2, first half): the errors of the neurons it feeds in layer {n}, each times the weight that joins them, summed</source>
        <translation>传回给第 {l} 层第 {j} 个神经元的误差（等式2 的前一半）：它所连接的第 {n} 层各神经元的误差，分别乘以连接它们的权重，再相加</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/explain.py" line="598"/>
        <source>the rate of change of the bias of neuron {j} of layer {l} (equation 3): the neuron&apos;s error δ itself</source>
        <translation>第 {l} 层第 {j} 个神经元偏差的变化率（等式3）：就是这个神经元的误差 δ</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/explain.py" line="630"/>
        <source>the rate of change of the weight from neuron {k} of layer {p} to neuron {j} of layer {l} (equation 3): neuron {j}&apos;s error δ times the output a of neuron {k}</source>
        <translation>从第 {p} 层第 {k} 个神经元到第 {l} 层第 {j} 个神经元的权重的变化率（等式3）：神经元 {j} 的误差 δ 乘以神经元 {k} 的输出 a</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/explain.py" line="211"/>
        <source>sample {i}</source>
        <translation>样本 {i}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/explain.py" line="212"/>
        <source>the picture {name}</source>
        <translation>图片 {name}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/explain.py" line="213"/>
        <source>this sample</source>
        <translation>这个样本</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/explain.py" line="309"/>
        <source>σ′({zs}) = {as}(1 − {as}) = {a} × (1 − {a}) = {p}</source>
        <translation>σ′({zs}) = {as}(1 − {as}) = {a} × (1 − {a}) = {p}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/explain.py" line="310"/>
        <source>σ′({zs}) = 1 − {as}² = 1 − {a}² = {p}</source>
        <translation>σ′({zs}) = 1 − {as}² = 1 − {a}² = {p}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/explain.py" line="311"/>
        <location filename="../../bpstudio/core/explain.py" line="312"/>
        <source>σ′({zs}) = {p}, since {zs} = {z} is {side} 0</source>
        <translation>σ′({zs}) = {p}，因为 {zs} = {z} {side} 0</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/explain.py" line="313"/>
        <source>σ′({zs}) = 1 for a linear unit</source>
        <translation>线性单元的 σ′({zs}) = 1</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/explain.py" line="328"/>
        <source>the slope of σ = {act} at the weighted input of neuron {j} of layer {l}: σ′({zs}) = {prime}</source>
        <translation>σ = {act} 在第 {l} 层第 {j} 个神经元的线性结果 {zs} 处的斜率：σ′({zs}) = {prime}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/explain.py" line="378"/>
        <source>the label of {sample}: the class it really is, 1 or 0</source>
        <translation>{sample} 的标签：它真正的类别，1 或 0</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/explain.py" line="384"/>
        <source>input {k} of {sample}, as the data set gives it (in a picture: one colour of one pixel, 0–255 divided by 255)</source>
        <translation>{sample} 的第 {k} 个输入，取自数据集（图片中即某个像素的一个颜色通道，0–255 除以 255）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/explain.py" line="426"/>
        <source>the output of neuron {j} of layer {l}: its activation σ = {act} of its weighted input {zs}</source>
        <translation>第 {l} 层第 {j} 个神经元的激活函数输出：对它的线性结果 {zs} 取 σ = {act}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/explain.py" line="461"/>
        <source>the loss of {sample}: how far its output {as} = {a} is from its label {ys} = {y}</source>
        <translation>{sample} 的损失：它的输出 {as} = {a} 与标签 {ys} = {y} 相差多远</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/explain.py" line="502"/>
        <source>how fast the loss of {sample} changes with its output {as} = {a} (its label {ys} = {y})</source>
        <translation>{sample} 的损失随它的输出 {as} = {a} 变化的快慢（标签 {ys} = {y}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/explain.py" line="515"/>
        <source>the output error of {sample} (equation 1): for a sigmoid output with cross-entropy, {grad}·σ′({zs}) comes out as exactly {as} − {ys}</source>
        <translation>{sample} 的输出层误差（等式1）：sigmoid 输出配交叉熵时，{grad}·σ′({zs}) 恰好等于 {as} − {ys}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/explain.py" line="532"/>
        <source>the output error of {sample} (equation 1): {grad} times σ′({zs})</source>
        <translation>{sample} 的输出层误差（等式1）：{grad} 乘以 σ′({zs})</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/explain.py" line="577"/>
        <source>the error of neuron {j} of layer {l} (equation 2): the errors of layer {n} flowing back along the edges out of it, each times its weight, summed, then times the neuron&apos;s own slope σ′({zs})</source>
        <translation>第 {l} 层第 {j} 个神经元的误差（等式2）：第 {n} 层的误差沿着从它出发的连接传回，各乘以该连接的权重后相加，再乘以这个神经元自己的斜率 σ′({zs})</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/explain.py" line="603"/>
        <source>the rate of change of the bias of neuron {j} of layer {l} (equation 3): the neuron&apos;s error dZ in each sample, averaged over the m = {m} samples</source>
        <translation>第 {l} 层第 {j} 个神经元偏差的变化率（等式3）：这个神经元在每个样本中的误差 dZ，对 m = {m} 个样本取平均</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/explain.py" line="637"/>
        <source>the rate of change of the weight from neuron {k} of layer {p} to neuron {j} of layer {l} (equation 3): in each sample, neuron {j}&apos;s error dZ times the output A of neuron {k}, averaged over the m = {m} samples</source>
        <translation>从第 {p} 层第 {k} 个神经元到第 {l} 层第 {j} 个神经元的权重的变化率（等式3）：在每个样本中，神经元 {j} 的误差 dZ 乘以神经元 {k} 的输出 A，再对 m = {m} 个样本取平均</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/explain.py" line="670"/>
        <source>the parameter after the update (equation 4): a step of the learning rate α = {alpha} against its rate of change</source>
        <translation>更新后的参数（等式4）：沿变化率的反方向走一步，步长为学习率 α = {alpha}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/explain.py" line="685"/>
        <source>term</source>
        <translation>项</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/explain.py" line="685"/>
        <source>factors</source>
        <translation>因子</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/explain.py" line="686"/>
        <source>values</source>
        <translation>因子的值</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/explain.py" line="686"/>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/explain.py" line="687"/>
        <source>added</source>
        <translation>加上</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/explain.py" line="688"/>
        <source>multiplied by</source>
        <translation>乘以</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/explain.py" line="689"/>
        <source>total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/explain.py" line="690"/>
        <source>the cell</source>
        <translation>格子里的数</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/presets.py" line="36"/>
        <source>Tutorial figure 4 (3–2–1)</source>
        <translation>教程图 4（3–2–1）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/presets.py" line="37"/>
        <source>Two-layer (12288–7–1)</source>
        <translation>两层网络（12288–7–1）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/presets.py" line="38"/>
        <source>Four-layer (12288–20–7–5–1)</source>
        <translation>四层网络（12288–20–7–5–1）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/presets.py" line="40"/>
        <source>Circle: x₁², x₂², no hidden layer</source>
        <translation>圆形：x₁²、x₂²，无隐含层</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/presets.py" line="42"/>
        <source>XOR: x₁x₂, no hidden layer</source>
        <translation>异或：x₁x₂，无隐含层</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/presets.py" line="44"/>
        <source>Two Gaussians: x₁, x₂, no hidden layer</source>
        <translation>两团高斯：x₁、x₂，无隐含层</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/presets.py" line="46"/>
        <source>Two moons: x₁, x₂, 8 tanh neurons</source>
        <translation>双月：x₁、x₂，8 个 tanh 神经元</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/presets.py" line="48"/>
        <source>Spiral: all seven features, 8–8–4 tanh</source>
        <translation>螺旋：全部七个特征，8–8–4 tanh</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/presets.py" line="81"/>
        <source>this preset needs data with {n} inputs; open the cat data set first</source>
        <translation>这个预设需要 {n} 个输入的数据；请先打开猫图数据集</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="108"/>
        <source>Two layers (0.01 initialiser) against four layers</source>
        <translation>两层网络（0.01 初始化）对比四层网络</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="109"/>
        <source>Does a deeper network generalise better than a shallow one that fits the training pictures as well?</source>
        <translation>训练集拟合得一样好时，更深的网络在测试集上是否更好？</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="111"/>
        <source>Look at the test accuracy of the two runs (the accuracy plot, and the figures below), beside their training accuracy.</source>
        <translation>看两次训练的测试准确率（准确率图和下面的数字），再和它们的训练准确率比一比。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="117"/>
        <source>{a} generalises better: test accuracy {a_test} against {b_test}, with training accuracy {a_train} against {b_train}.</source>
        <translation>{a} 的泛化更好：测试准确率 {a_test} 对 {b_test}，训练准确率 {a_train} 对 {b_train}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="119"/>
        <source>{a} does not generalise better here: test accuracy {a_test} against {b_test}, training accuracy {a_train} against {b_train}.</source>
        <translation>这里 {a} 的泛化并不更好：测试准确率 {a_test} 对 {b_test}，训练准确率 {a_train} 对 {b_train}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="124"/>
        <source>How much of the error reaches the first layer when the hidden layers are sigmoid instead of ReLU?</source>
        <translation>隐含层用 sigmoid 而不用 ReLU 时，误差能传回第一层的还有多少？</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="126"/>
        <source>Look at ‖dW[1]‖ (the dashed curves of the gradient plot) and at ‖dW[1]‖/‖dW[L]‖ of the first iteration below.</source>
        <translation>看 ‖dW[1]‖（梯度图中的虚线）和下面第一次迭代的 ‖dW[1]‖/‖dW[L]‖。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="130"/>
        <source>In the first iteration ‖dW[1]‖ is {b_dw1} with {b} against {a_dw1} with {a}, {shrink}× smaller: on the way back each sigmoid layer multiplies the error by Wᵀ and by σ′ ≤ 0.25.</source>
        <translation>第一次迭代中，{b} 的 ‖dW[1]‖ 是 {b_dw1}，{a} 的是 {a_dw1}，小了 {shrink} 倍：反向传播时，每个 sigmoid 层都让误差乘以 Wᵀ 再乘以 σ′ ≤ 0.25。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="133"/>
        <source>In the first iteration ‖dW[1]‖ is {b_dw1} with {b} against {a_dw1} with {a}: not smaller.</source>
        <translation>第一次迭代中，{b} 的 ‖dW[1]‖ 是 {b_dw1}，{a} 的是 {a_dw1}：并没有更小。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="136"/>
        <source>With so little reaching W[1], {b} learns less: test accuracy {b_test} against {a_test}.</source>
        <translation>传到 W[1] 的误差这么少，{b} 学到的也更少：测试准确率 {b_test} 对 {a_test}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="138"/>
        <source>Test accuracy: {b} {b_test}, {a} {a_test}.</source>
        <translation>测试准确率：{b} {b_test}，{a} {a_test}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="141"/>
        <source>What happens when the learning rate α is far too large?</source>
        <translation>学习率 α 太大时会怎样？</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="142"/>
        <source>Look at the cost of each run (the cost plot, and the figures below) and at the message of the run that stops.</source>
        <translation>看每次训练的代价（代价图和下面的数字），以及停下来的那次训练给出的提示。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="147"/>
        <source>Both start from the same parameters, so their first iterations are the same (‖dW[1]‖/‖dW[L]‖ {a_ratio}); only the size of the step differs.</source>
        <translation>两次训练从相同的参数开始，所以第一次迭代完全一样（‖dW[1]‖/‖dW[L]‖ 为 {a_ratio}）；不同的只是步长。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="150"/>
        <source>Their first iterations differ: ‖dW[1]‖/‖dW[L]‖ {a_ratio} against {b_ratio}.</source>
        <translation>它们的第一次迭代不同：‖dW[1]‖/‖dW[L]‖ 为 {a_ratio} 对 {b_ratio}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="153"/>
        <source>{b} overshoots: its cost went from {b_c0} at iteration 0 to {b_c1} at iteration {b_last}, and the run stopped there, keeping the parameters of iteration {b_kept}.</source>
        <translation>{b} 的步子迈过了头：代价从第 0 次迭代的 {b_c0} 变成第 {b_last} 次迭代的 {b_c1}，训练就此停止，保留了第 {b_kept} 次迭代的参数。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="156"/>
        <source>{b} did not diverge: its cost went from {b_c0} at iteration 0 to {b_c1} at iteration {b_last}.</source>
        <translation>{b} 没有发散：代价从第 0 次迭代的 {b_c0} 变成第 {b_last} 次迭代的 {b_c1}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="159"/>
        <source>{a} learns: its cost fell from {a_c0} to {a_c1} at iteration {a_last}.</source>
        <translation>{a} 在学习：代价从 {a_c0} 降到第 {a_last} 次迭代的 {a_c1}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="161"/>
        <source>{a}&apos;s cost went from {a_c0} to {a_c1} at iteration {a_last}{a_diverged}.</source>
        <translation>{a} 的代价从 {a_c0} 变成第 {a_last} 次迭代的 {a_c1}{a_diverged}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="164"/>
        <source>Random initial weights against zeros, sigmoid (FAQ 6)</source>
        <translation>随机初始权重对比全零权重，sigmoid（问题 6）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="165"/>
        <source>Why does W start random and not at zero (the tutorial&apos;s FAQ 6)?</source>
        <translation>为什么 W 要随机初始化，而不是全部初始化为 0（教程的问题 6）？</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="167"/>
        <source>Look at the rows of W[1] (one per hidden neuron): &quot;rows of W[1] apart by&quot; in each run&apos;s figures below, and the W[1] pictures.</source>
        <translation>看 W[1] 的各行（每行对应一个隐含神经元）：下面每次训练的数字中的“W[1] 各行之差最大为”，以及 W[1] 的图像。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="192"/>
        <source>Look at the cost of each run, and in each run&apos;s figures below at ‖dW[1]‖/‖dW[L]‖ at the start and &quot;rows of W[1] apart by&quot;.</source>
        <translation>看每次训练的代价，以及下面每次训练的数字中开始时的 ‖dW[1]‖/‖dW[L]‖ 和“W[1] 各行之差最大为”。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="172"/>
        <source>From W = 0 every hidden neuron gets the same update: W[1] moved by up to {b_moved1}, yet its {b_rows1} rows differ by {b_spread1}, rounding only; layer 1 works as one neuron.</source>
        <translation>从 W = 0 开始，每个隐含神经元得到相同的更新：W[1] 最多变化了 {b_moved1}，它的 {b_rows1} 行之间却只差 {b_spread1}，只是舍入误差；第 1 层和一个神经元没有区别。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="175"/>
        <source>From W = 0 W[1] moved by up to {b_moved1}, and its {b_rows1} rows differ by {b_spread1}.</source>
        <translation>从 W = 0 开始，W[1] 最多变化了 {b_moved1}，它的 {b_rows1} 行之间相差 {b_spread1}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="178"/>
        <source>From random weights the rows of W[1] are apart by {a_spread1}: each of the {a_rows1} hidden neurons learns something of its own.</source>
        <translation>从随机权重开始，W[1] 各行之差为 {a_spread1}：{a_rows1} 个隐含神经元各自学到不同的东西。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="181"/>
        <source>From random weights the rows of W[1] are apart by {a_spread1}.</source>
        <translation>从随机权重开始，W[1] 各行之差为 {a_spread1}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="184"/>
        <source>σ(0) = 0.5 is not 0, so the error reaches W[1] from the second iteration on (‖dW[1]‖ of the first: {b_dw1}); with ReLU or tanh, f(0) = 0, nothing reaches it at all (the comparison &quot;Random initial weights against zeros (ReLU)&quot;).</source>
        <translation>σ(0) = 0.5 不是 0，所以从第二次迭代起误差就能传到 W[1]（第一次迭代的 ‖dW[1]‖：{b_dw1}）；ReLU 或 tanh 的 f(0) = 0，误差根本传不到（见对比“随机初始权重对比全零权重（ReLU）”）。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="188"/>
        <source>‖dW[1]‖ of the first iteration from W = 0: {b_dw1}.</source>
        <translation>从 W = 0 开始，第一次迭代的 ‖dW[1]‖：{b_dw1}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="190"/>
        <source>Random initial weights against zeros (ReLU)</source>
        <translation>随机初始权重对比全零权重（ReLU）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="191"/>
        <source>What does W = 0 do to a ReLU network?</source>
        <translation>W = 0 对 ReLU 网络有什么影响？</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="197"/>
        <source>With ReLU it is worse than FAQ 6: relu(0) = 0, so every hidden activation is 0 and so is every hidden weight&apos;s gradient (at the start: {b_ratio}); in {b_n} iterations no hidden weight moved.</source>
        <translation>用 ReLU 时比问题 6 说的更糟：relu(0) = 0，所以每个隐含层的激活函数输出都是 0，每个隐含层权重的梯度也是 0（开始时：{b_ratio}）；{b_n} 次迭代中没有一个隐含层权重变化过。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="201"/>
        <source>From W = 0 the hidden weights moved by up to {b_hidden_moved}.</source>
        <translation>从 W = 0 开始，隐含层权重最多变化了 {b_hidden_moved}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="205"/>
        <source>Only b[L] learned (it moved by {b_bL}): the network gives every picture the same output; its cost still fell from {b_c0} to {b_c1}, and its training accuracy is {b_train}.</source>
        <translation>只有 b[L] 在学习（变化了 {b_bL}）：网络对每张图片都给出相同的输出；代价仍从 {b_c0} 降到 {b_c1}，训练准确率是 {b_train}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="208"/>
        <source>b[L] moved by {b_bL}, the weights by up to {b_w_moved}; the cost went from {b_c0} to {b_c1}.</source>
        <translation>b[L] 变化了 {b_bL}，权重最多变化了 {b_w_moved}；代价从 {b_c0} 变成 {b_c1}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="211"/>
        <source>From random weights the network learns: test accuracy {a_test} against {b_test}.</source>
        <translation>从随机权重开始，网络能学习：测试准确率 {a_test} 对 {b_test}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="213"/>
        <source>Test accuracy: {a} {a_test}, {b} {b_test}.</source>
        <translation>测试准确率：{a} {a_test}，{b} {b_test}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="305"/>
        <source>infinite</source>
        <translation>无穷大</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="313"/>
        <source>not computed</source>
        <translation>未计算</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="315"/>
        <source>all gradients zero</source>
        <translation>所有梯度都为零</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="316"/>
        <source>‖dW[L]‖ zero</source>
        <translation>‖dW[L]‖ 为零</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="337"/>
        <source>, and diverged</source>
        <translation>，并且发散了</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="348"/>
        <source>{a}: diverged at iteration {a_last} (cost {a_c1}), the parameters of iteration {a_kept} kept · train accuracy {a_train} · test accuracy {a_test} · ‖dW[1]‖/‖dW[L]‖ at the start {a_ratio} · rows of W[1] apart by {a_spread1}</source>
        <translation>{a}：在第 {a_last} 次迭代发散（代价 {a_c1}），保留了第 {a_kept} 次迭代的参数 · 训练准确率 {a_train} · 测试准确率 {a_test} · 开始时 ‖dW[1]‖/‖dW[L]‖ 为 {a_ratio} · W[1] 各行之差最大为 {a_spread1}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="353"/>
        <source>{a}: {a_n} iterations · cost of iteration {a_last} {a_c1} · train accuracy {a_train} · test accuracy {a_test} · ‖dW[1]‖/‖dW[L]‖ at the start {a_ratio} · rows of W[1] apart by {a_spread1}</source>
        <translation>{a}：{a_n} 次迭代 · 第 {a_last} 次迭代的代价 {a_c1} · 训练准确率 {a_train} · 测试准确率 {a_test} · 开始时 ‖dW[1]‖/‖dW[L]‖ 为 {a_ratio} · W[1] 各行之差最大为 {a_spread1}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="123"/>
        <source>ReLU against sigmoid in the hidden layers</source>
        <translation>隐含层用 ReLU 对比用 sigmoid</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/comparisons.py" line="140"/>
        <source>Learning rate 0.0075 against one that diverges</source>
        <translation>学习率 0.0075 对比一个会发散的学习率</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/timeline.py" line="304"/>
        <source>iteration {i} is not part of this run (iterations {first} to {end})</source>
        <translation>第 {i} 次迭代不属于这次训练（迭代 {first} 到 {end}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/timeline.py" line="508"/>
        <source>a fork from iteration {i} keeps the weights trained until then, so it cannot change {what}; fork from iteration {first} for that</source>
        <translation>从第 {i} 次迭代分叉会保留到那时训练出的权重，因此不能改变 {what}；要改变它，请从第 {first} 次迭代分叉</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_actions.py" line="194"/>
        <source>line {line}: unknown action {word}; the actions are {known}</source>
        <translation>第 {line} 行：未知的动作 {word}；可用的动作有 {known}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_actions.py" line="207"/>
        <source>line {line}: {action}: {why}</source>
        <translation>第 {line} 行：{action}：{why}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_actions.py" line="209"/>
        <source>line {line}: {action} needs {need}, not {value}</source>
        <translation>第 {line} 行：{action} 需要{need}，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_actions.py" line="213"/>
        <source>line {line}: write {usage}, not {text}</source>
        <translation>第 {line} 行：应写作 {usage}，而不是 {text}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_actions.py" line="217"/>
        <source>line {line}: step {key} needs its layer, e.g. &apos;step {key} layer 1&apos;</source>
        <translation>第 {line} 行：step {key} 需要写明是哪一层，例如 &apos;step {key} layer 1&apos;</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_format.py" line="127"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_format.py" line="128"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_format.py" line="129"/>
        <source>line {line}: the {what} {name} has no {language} text</source>
        <translation>第 {line} 行：{what} {name} 缺少{language}文本</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_format.py" line="135"/>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_format.py" line="135"/>
        <source>chapter</source>
        <translation>章</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_format.py" line="136"/>
        <source>beat</source>
        <translation>节拍</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_format.py" line="136"/>
        <source>question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_format.py" line="137"/>
        <source>option</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_format.py" line="169"/>
        <source>chapter {chapter} of {chapters} · beat {beat} of {beats}</source>
        <translation>第 {chapter} / {chapters} 章 · 第 {beat} / {beats} 个节拍</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_format.py" line="207"/>
        <source>line {line}: {file} is not in the lesson&apos;s folder</source>
        <translation>第 {line} 行：{file} 不在课程所在的文件夹里</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_format.py" line="224"/>
        <source>{name}: {kb} kB is over the {limit} kB a lesson may have</source>
        <translation>{name}：{kb} kB 超过了课程文件 {limit} kB 的上限</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_format.py" line="230"/>
        <source>{name}: not UTF-8 text (byte {at})</source>
        <translation>{name}：不是 UTF-8 文本（出错的字节位置 {at}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_format.py" line="239"/>
        <source>{name}: over the {limit} kB a lesson may have</source>
        <translation>{name}：超过了课程文件 {limit} kB 的上限</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_format.py" line="243"/>
        <source>{name}: {n} lines; a lesson has at most {max}</source>
        <translation>{name}：有 {n} 行；课程文件最多 {max} 行</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_format.py" line="291"/>
        <source>line {line}: {n} characters; a line has at most {max}</source>
        <translation>第 {line} 行：有 {n} 个字符；每行最多 {max} 个</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_format.py" line="294"/>
        <source>line {line}: a control character (U+{code}) is no part of a lesson</source>
        <translation>第 {line} 行：课程里不能有控制字符（U+{code}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_format.py" line="320"/>
        <source>line {line}: text before the title; a lesson starts &apos;# Title | 标题&apos;</source>
        <translation>第 {line} 行：标题之前有正文；课程要以 &apos;# Title | 标题&apos; 开头</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_format.py" line="328"/>
        <source>line {line}: text outside &apos;en:&apos; or &apos;zh:&apos;; write one of them on the line before the text</source>
        <translation>第 {line} 行：这段文字不在 &apos;en:&apos; 或 &apos;zh:&apos; 之下；请在它的前一行写上其中一个</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_format.py" line="333"/>
        <source>line {line}: text outside &apos;en:&apos; or &apos;zh:&apos;; write one of them on the line before</source>
        <translation>第 {line} 行：这段文字不在 &apos;en:&apos; 或 &apos;zh:&apos; 之下；请在前一行写上其中一个</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_format.py" line="339"/>
        <source>line {line}: a quoted number is written {{{{0.771749 = cost}}}}, on one line</source>
        <translation>第 {line} 行：引用的数字写作 {{{{0.771749 = cost}}}}，而且要写在同一行里</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_format.py" line="351"/>
        <location filename="../../bpstudio/core/lesson_format.py" line="387"/>
        <source>line {line}: quote numbers in a beat&apos;s text, where the beat&apos;s actions have set them</source>
        <translation>第 {line} 行：数字只能在节拍的正文里引用，那里的数值由这个节拍的动作设定</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_format.py" line="354"/>
        <source>line {line}: a quoted number is written {{{{NUMBER = QUANTITY}}}}, not {text}</source>
        <translation>第 {line} 行：引用的数字写作 {{{{数值 = 量}}}}（例如 {{{{0.771749 = cost}}}}），而不是 {text}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_format.py" line="362"/>
        <source>line {line}: {quantity} is a shape, such as 5×209, not {text}</source>
        <translation>第 {line} 行：{quantity} 是形状，例如 5×209，而不是 {text}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_format.py" line="383"/>
        <source>line {line}: a heading without a title</source>
        <translation>第 {line} 行：标题行里没有写标题</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_format.py" line="391"/>
        <source>line {line}: a second title; a lesson has one &apos;# …&apos;, chapters &apos;## …&apos;, beats &apos;### …&apos;</source>
        <translation>第 {line} 行：出现了第二个课程标题；一个课程只有一个 &apos;# …&apos;，章用 &apos;## …&apos;，节拍用 &apos;### …&apos;</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_format.py" line="395"/>
        <location filename="../../bpstudio/core/lesson_format.py" line="439"/>
        <source>line {line}: a lesson starts with its title &apos;# Title | 标题&apos;</source>
        <translation>第 {line} 行：课程要以它的标题 &apos;# Title | 标题&apos; 开头</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_format.py" line="404"/>
        <source>line {line}: a beat before the first chapter &apos;## …&apos;</source>
        <translation>第 {line} 行：节拍出现在第一章 &apos;## …&apos; 之前</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_format.py" line="416"/>
        <source>line {line}: {kind} belong to a beat &apos;### …&apos;</source>
        <translation>第 {line} 行：{kind} 块只能写在节拍 &apos;### …&apos; 里</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_format.py" line="420"/>
        <source>line {line}: a beat has one question; make another beat</source>
        <translation>第 {line} 行：一个节拍只能有一个问题；请再建一个节拍</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_format.py" line="436"/>
        <source>line {line}: this block is never closed with {marks}</source>
        <translation>第 {line} 行：这个块始终没有用 {marks} 结束</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_format.py" line="443"/>
        <source>line {line}: a lesson needs a chapter &apos;## …&apos; with a beat &apos;### …&apos;</source>
        <translation>第 {line} 行：课程至少要有一章 &apos;## …&apos;，章里至少有一个节拍 &apos;### …&apos;</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_format.py" line="447"/>
        <source>line {line}: a chapter without beats; start one with &apos;### …&apos;</source>
        <translation>第 {line} 行：这一章没有节拍；请用 &apos;### …&apos; 开始一个节拍</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_questions.py" line="44"/>
        <source>the cost C now (or at an iteration of the run)</source>
        <translation>现在的代价 C（或本次训练中某次迭代时的代价）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_questions.py" line="46"/>
        <source>the share of training samples classified right, 0 to 1</source>
        <translation>分类正确的训练样本所占的比例，0 到 1</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_questions.py" line="48"/>
        <source>the share of test samples classified right, 0 to 1</source>
        <translation>分类正确的测试样本所占的比例，0 到 1</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_questions.py" line="50"/>
        <source>the iterations the network has done</source>
        <translation>网络已经完成的迭代次数</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_questions.py" line="51"/>
        <source>a[L], the network&apos;s output for the current sample</source>
        <translation>a[L]，网络对当前样本的输出</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_questions.py" line="53"/>
        <source>the class the network says for the current sample, 1 or 0</source>
        <translation>网络给当前样本判定的类别，1 或 0</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_questions.py" line="55"/>
        <source>the current step&apos;s result</source>
        <translation>当前步骤的结果</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_questions.py" line="57"/>
        <source>the weights of layer l</source>
        <translation>第 l 层的权重</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_questions.py" line="58"/>
        <source>the biases of layer l</source>
        <translation>第 l 层的偏差</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_questions.py" line="59"/>
        <source>the weight gradient of layer l (等式3)</source>
        <translation>第 l 层权重的梯度（等式3）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_questions.py" line="61"/>
        <source>the bias gradient of layer l (等式3)</source>
        <translation>第 l 层偏差的梯度（等式3）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_questions.py" line="62"/>
        <source>the weighted inputs of layer l, a column a sample</source>
        <translation>第 l 层的线性结果，每个样本一列</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_questions.py" line="64"/>
        <source>the activations of layer l (A[0]: the inputs)</source>
        <translation>第 l 层的激活函数输出（A[0] 就是输入）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_questions.py" line="66"/>
        <source>the error of layer l (等式1, 等式2)</source>
        <translation>第 l 层的误差（等式1、等式2）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_questions.py" line="68"/>
        <source>the gradient of the cost by A[l]</source>
        <translation>代价对 A[l] 的梯度</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_questions.py" line="109"/>
        <source>the quantities are {known}</source>
        <translation>可用的量有 {known}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_questions.py" line="115"/>
        <source>write its layer, as in {example}</source>
        <translation>要写明它的层，例如 {example}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_questions.py" line="121"/>
        <source>it is one number</source>
        <translation>它只有一个数</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_questions.py" line="123"/>
        <source>write [{cell}] for one of its numbers, or shape for its shape</source>
        <translation>用 [{cell}] 取其中一个数，或用 shape 取它的形状</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_questions.py" line="129"/>
        <source>only cost and the accuracies have a value &apos;at ITERATION&apos;</source>
        <translation>只有代价和准确率才有 &apos;at ITERATION&apos;（某次迭代时）的值</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_questions.py" line="134"/>
        <source>line {line}: the quantity {text}: {why}</source>
        <translation>第 {line} 行：量 {text}：{why}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_questions.py" line="142"/>
        <source>{value} is not {need}</source>
        <translation>{value} 不是{need}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_questions.py" line="216"/>
        <source>line {line}: quote numbers in a beat&apos;s text, not in its question</source>
        <translation>第 {line} 行：数字要在节拍的正文里引用，不能写在问题里</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_questions.py" line="221"/>
        <source>line {line}: {key} a second time</source>
        <translation>第 {line} 行：{key} 重复出现</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_questions.py" line="227"/>
        <source>line {line}: an option&apos;s value is a number or a shape, not {value}</source>
        <translation>第 {line} 行：选项的值应是数字或形状，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_questions.py" line="233"/>
        <source>line {line}: a question has lines kind:, quantity:, tolerance:, en:, zh: and options &apos;- [ ] …&apos;, not {text}</source>
        <translation>第 {line} 行：问题由 kind:、quantity:、tolerance:、en:、zh: 这几行和选项 &apos;- [ ] …&apos; 组成，而不是 {text}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_questions.py" line="239"/>
        <source>line {line}: a question&apos;s kind is one of {known}, not {kind}</source>
        <translation>第 {line} 行：问题的类型（kind）应为 {known} 之一，而不是 {kind}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_questions.py" line="253"/>
        <source>line {line}: the tolerance is {need}, not {value}</source>
        <translation>第 {line} 行：容差应为{need}，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_questions.py" line="257"/>
        <source>line {line}: a question needs its words: en: … or zh: …</source>
        <translation>第 {line} 行：问题要有题目文字：en: … 或 zh: …</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_questions.py" line="283"/>
        <source>line {line}: a {kind} question needs quantity: (the app&apos;s number that answers it)</source>
        <translation>第 {line} 行：{kind} 问题需要 quantity:（给出答案的应用数值）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_questions.py" line="287"/>
        <source>line {line}: a {kind} question needs a quantity that is a {wants}, not {quantity}</source>
        <translation>第 {line} 行：{kind} 问题需要一个 {wants} 类的量，而不是 {quantity}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_questions.py" line="291"/>
        <source>line {line}: only number and sign questions have a tolerance</source>
        <translation>第 {line} 行：只有 number 和 sign 问题才有容差</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_questions.py" line="295"/>
        <source>line {line}: only a choice question has options</source>
        <translation>第 {line} 行：只有 choice 问题才有选项</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_questions.py" line="301"/>
        <source>line {line}: a choice has 2 to {max} options, not {n}</source>
        <translation>第 {line} 行：选择题要有 2 到 {max} 个选项，而不是 {n} 个</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_questions.py" line="304"/>
        <source>line {line}: with a quantity the app decides: give every option its value &apos;=&gt; 1&apos;, and mark none [x]</source>
        <translation>第 {line} 行：写了量就由应用判定哪个选项正确：给每个选项写上它代表的值 &apos;=&gt; 1&apos;，并且不要标记 [x]</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_questions.py" line="308"/>
        <source>line {line}: mark the one right option &apos;- [x] …&apos; (or name a quantity: and give each option its value)</source>
        <translation>第 {line} 行：用 &apos;- [x] …&apos; 标出唯一正确的选项（或者写上 quantity:，并给每个选项写上它代表的值）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_slots.py" line="63"/>
        <source>{name}: {faults}</source>
        <translation>{name}：{faults}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_slots.py" line="91"/>
        <source>line {line}: HTML and pictures are no part of a lesson&apos;s text; write Markdown, and show a picture with the action &apos;picture FILE&apos;</source>
        <translation>第 {line} 行：课程正文里不能有 HTML 和图片；请用 Markdown 书写，图片用动作 &apos;picture FILE&apos; 显示</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_slots.py" line="185"/>
        <source>a whole number from {low} to {high}</source>
        <translation>从 {low} 到 {high} 的整数</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_slots.py" line="204"/>
        <source>a number above {low} and at most {high}</source>
        <translation>大于 {low} 且不超过 {high} 的数</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_slots.py" line="205"/>
        <source>a number from {low} to {high}</source>
        <translation>从 {low} 到 {high} 的数</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_slots.py" line="225"/>
        <source>one of {known}</source>
        <translation>以下之一：{known}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_slots.py" line="244"/>
        <source>{number} or {words}</source>
        <translation>{number}，或者 {words}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_slots.py" line="293"/>
        <source>a step of the equation table: {known}</source>
        <translation>公式表中的一个步骤：{known}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_slots.py" line="309"/>
        <source>result or the name of one of the step&apos;s matrices, such as dW[1] or A[0]</source>
        <translation>当前步骤的结果 result，或其中某个矩阵的名称，例如 dW[1] 或 A[0]</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_slots.py" line="323"/>
        <source>the layer sizes from the input to the output, such as 3,2,1</source>
        <translation>从输入层到输出层的各层大小，例如 3,2,1</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_slots.py" line="367"/>
        <source>a file in the lesson&apos;s folder, such as photos/cat.jpg</source>
        <translation>课程文件夹里的文件，例如 photos/cat.jpg</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_slots.py" line="393"/>
        <source>{given} is not a setting name=value named once; the names are {known}</source>
        <translation>{given} 不是只写一次的 name=value 设置；可用的名称有 {known}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/lesson_slots.py" line="401"/>
        <source>at least one setting name=value, named {known}</source>
        <translation>至少一个 name=value 设置，名称可以是 {known}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/lesson_actions.py" line="49"/>
        <source>line {line}: {action} could not be done: {why}</source>
        <translation>第 {line} 行：{action} 无法执行：{why}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/lesson_actions.py" line="67"/>
        <source>line {line}: this lesson needs the tutorial&apos;s cat data; open it (File → Open data set…) and go on</source>
        <translation>第 {line} 行：这门课程需要教程的猫图数据集；请打开它（文件 → 打开数据集…）再继续</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/lesson_actions.py" line="78"/>
        <source>line {line}: the data set has {n} inputs, not {given}</source>
        <translation>第 {line} 行：数据集有 {n} 个输入，而不是 {given} 个</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/lesson_actions.py" line="110"/>
        <source>line {line}: features are the playground&apos;s; choose a 2-D data set first</source>
        <translation>第 {line} 行：特征属于二维演练场；请先选择一个二维数据集</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/lesson_actions.py" line="120"/>
        <source>line {line}: the network has done {done} iterations already, more than {n}</source>
        <translation>第 {line} 行：网络已经迭代了 {done} 次，超过了 {n}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/lesson_actions.py" line="140"/>
        <source>line {line}: this iteration has no step {key}</source>
        <translation>第 {line} 行：这次迭代没有 {key} 这一步</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/lesson_actions.py" line="142"/>
        <source>line {line}: this network has no step {key} of layer {layer} (L = {L})</source>
        <translation>第 {line} 行：这个网络没有第 {layer} 层的 {key} 这一步（L = {L}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/lesson_actions.py" line="149"/>
        <source>line {line}: sample {k}: the data set has {m} training samples</source>
        <translation>第 {line} 行：样本 {k}：数据集只有 {m} 个训练样本</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/lesson_actions.py" line="175"/>
        <source>line {line}: the step on screen has no matrix {view}</source>
        <translation>第 {line} 行：屏幕上的这一步没有矩阵 {view}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/lesson_actions.py" line="181"/>
        <source>line {line}: {view} is {rows}×{cols}</source>
        <translation>第 {line} 行：{view} 是 {rows}×{cols}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/lesson_actions.py" line="191"/>
        <source>line {line}: W[{l}] is {rows}×{cols}</source>
        <translation>第 {line} 行：W[{l}] 是 {rows}×{cols}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/lesson_actions.py" line="197"/>
        <source>line {line}: nudge a weight: explain a weight or a dW cell first</source>
        <translation>第 {line} 行：微调一个权重：请先解释一个权重或一个 dW 单元格</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/lesson_actions.py" line="207"/>
        <source>line {line}: iteration {i} is not on the run&apos;s timeline</source>
        <translation>第 {line} 行：第 {i} 次迭代不在这次训练的时间线上</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/lesson_actions.py" line="236"/>
        <source>line {line}: this network has layers 1 to {L}, not {l}</source>
        <translation>第 {line} 行：这个网络有第 1 到第 {L} 层，没有第 {l} 层</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/lesson_check.py" line="57"/>
        <source>line {line}: {quantity}: {why}</source>
        <translation>第 {line} 行：{quantity}：{why}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/lesson_check.py" line="62"/>
        <source>line {line}: the text quotes {quoted} for {quantity}; the app&apos;s is {value}</source>
        <translation>第 {line} 行：正文给 {quantity} 引用了 {quoted}；应用的值是 {value}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/lesson_runner.py" line="193"/>
        <source>{given} is not an answer to this question; try again</source>
        <translation>{given} 不是这个问题的答案；请再试一次</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/lesson_runner.py" line="228"/>
        <source>{name}: could not save the answers ({why})</source>
        <translation>{name}：无法保存答案（{why}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/messages.py" line="13"/>
        <source>non-cat</source>
        <translation>非猫</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/messages.py" line="14"/>
        <source>cat</source>
        <translation>猫</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/iterations.py" line="20"/>
        <source>iteration {i}</source>
        <translation>第 {i} 次迭代</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/iterations.py" line="21"/>
        <source>iteration {i}: cost {c}</source>
        <translation>第 {i} 次迭代：代价 {c}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/iterations.py" line="23"/>
        <source>iteration {i}: one stepped sample, its loss L {c}</source>
        <translation>第 {i} 次迭代：单步演示的单个样本，它的损失 L {c}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/iterations.py" line="25"/>
        <source>Trained 1 iteration in {s} s.</source>
        <translation>训练了 1 次迭代，用时 {s} 秒。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/iterations.py" line="26"/>
        <source>Trained {n} iterations in {s} s.</source>
        <translation>训练了 {n} 次迭代，用时 {s} 秒。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/iterations.py" line="27"/>
        <source>Trained 1 iteration in {s} s; {cost}.</source>
        <translation>训练了 1 次迭代，用时 {s} 秒；{cost}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/iterations.py" line="28"/>
        <source>Trained {n} iterations in {s} s; {cost}.</source>
        <translation>训练了 {n} 次迭代，用时 {s} 秒；{cost}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/atomicfile.py" line="35"/>
        <source>not a regular file but a folder, a device or a pipe; it is left as it is</source>
        <translation>不是普通文件，而是文件夹、设备或管道；保持原样，未写入</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/animation.py" line="40"/>
        <source>{name}: an animation is a .gif, .png, .webp, .mp4 or .webm file</source>
        <translation>{name}：动画须为 .gif、.png、.webp、.mp4 或 .webm 文件</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/animation.py" line="67"/>
        <source>a frame is not an RGB picture</source>
        <translation>有一帧不是 RGB 图片</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/animation.py" line="71"/>
        <source>the frames differ in size</source>
        <translation>各帧尺寸不一</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/animation.py" line="89"/>
        <location filename="../../bpstudio/core/animation.py" line="137"/>
        <source>no frames to write</source>
        <translation>没有可写入的帧</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/animation.py" line="117"/>
        <source>a video&apos;s width and height are even numbers</source>
        <translation>MP4 和 WebM 的宽和高须能被 2 整除</translation>
    </message>
</context>
</TS>
